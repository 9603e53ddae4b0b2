package dev.ecopulse.ops.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ecopulse.ops.promql.Query;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The expressions of a Prometheus rule file ({@code deploy/prometheus/alerts.yml}). */
public final class RuleFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RuleFiles() {
    }

    public static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** One query per alerting or recording rule, named after the rule. */
    public static List<Query> queries(Path file) {
        List<Query> queries = new ArrayList<>();
        for (JsonNode group : read(file).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.has("alert") ? "alert " + rule.get("alert").asText()
                        : "recording rule " + rule.path("record").asText();
                queries.add(new Query(file.getFileName() + ", " + name, rule.path("expr").asText()));
            }
        }
        return queries;
    }
}
