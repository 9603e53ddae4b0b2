package dev.ecopulse.ops;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the topic list out of the {@code for topic in ...; do kafka-topics.sh --create ...} scripts of the deploy files. */
public final class Topology {

    private static final Pattern FOR_TOPICS = Pattern.compile("for topic in ([^;]+);");

    private Topology() {
    }

    public static List<String> scriptTopics(String script) {
        // a list continued over several lines with a trailing backslash is one list
        Matcher m = FOR_TOPICS.matcher(script.replace("\\\n", " "));
        if (!m.find() || !script.contains("kafka-topics.sh") || !script.contains("--create")) {
            throw new IllegalArgumentException("no 'for topic in ...; do kafka-topics.sh --create' in: " + script);
        }
        return List.of(m.group(1).trim().split("\\s+"));
    }
}
