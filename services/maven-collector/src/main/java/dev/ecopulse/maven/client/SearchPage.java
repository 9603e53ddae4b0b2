package dev.ecopulse.maven.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.contract.event.EventJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a Central search {@code core=gav} answer: how many versions match in all ({@code numFound}) and the
 * versions on this page with their release time ({@code timestamp}, epoch milliseconds).
 */
public record SearchPage(long numFound, List<VersionRelease> releases) {

    public SearchPage {
        releases = List.copyOf(releases);
    }

    /**
     * Reads the Solr JSON answer. A version without a usable timestamp makes the whole page unusable: computing
     * cadence from the rest would give a wrong number.
     */
    public static SearchPage parse(String body, Coordinate expected) throws MalformedAnswerException {
        JsonNode root;
        try {
            root = EventJson.mapper().readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new MalformedAnswerException("it is not JSON");
        }
        JsonNode response = root == null ? null : root.get("response");
        if (response == null || !response.isObject()) {
            throw new MalformedAnswerException("it has no 'response' object");
        }
        JsonNode numFound = response.get("numFound");
        if (numFound == null || !numFound.canConvertToExactIntegral() || numFound.asLong() < 0) {
            throw new MalformedAnswerException("'numFound' is not a count");
        }
        JsonNode docs = response.get("docs");
        if (docs == null || !docs.isArray()) {
            throw new MalformedAnswerException("'docs' is not a list");
        }
        List<VersionRelease> releases = new ArrayList<>();
        for (JsonNode doc : docs) {
            releases.add(release(doc, expected));
        }
        return new SearchPage(numFound.asLong(), releases);
    }

    private static VersionRelease release(JsonNode doc, Coordinate expected) throws MalformedAnswerException {
        String group = doc.path("g").asText(null);
        String artifact = doc.path("a").asText(null);
        if ((group != null && !group.equals(expected.groupId()))
                || (artifact != null && !artifact.equals(expected.artifactId()))) {
            throw new MalformedAnswerException("it lists " + group + ":" + artifact + ", not " + expected);
        }
        JsonNode version = doc.get("v");
        if (version == null || !version.isTextual() || version.asText().isBlank()) {
            throw new MalformedAnswerException("a document has no version 'v'");
        }
        JsonNode timestamp = doc.get("timestamp");
        if (timestamp == null || !timestamp.canConvertToExactIntegral() || timestamp.asLong() <= 0) {
            throw new MalformedAnswerException("version " + version.asText() + " has no release 'timestamp'");
        }
        return new VersionRelease(version.asText().trim(), Instant.ofEpochMilli(timestamp.asLong()));
    }
}
