package dev.ecopulse.npm.client.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.contract.event.EventJson;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a full registry document by streaming through it: only {@code dist-tags}, {@code time}, {@code license} and
 * each version's {@code deprecated} are kept, every manifest's other fields are skipped, so a document of many
 * megabytes never becomes a tree in memory. A truncated or padded body is malformed as a whole.
 */
public final class RegistryDocuments {

    static final String MALFORMED = "npm's registry sent a document that is not well-formed JSON";
    private static final JsonFactory FACTORY = EventJson.mapper().getFactory();

    private RegistryDocuments() {
    }

    public static PackageDocument read(String body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return PackageDocument.unreadable(MALFORMED);
            }
            Parts parts = new Parts();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "dist-tags" -> parts.latest = text(parser.readValueAsTree(), "latest");
                    case "time" -> parts.times = times(parser, value);
                    case "versions" -> parts.versions = versions(parser, value, parts.deprecated);
                    case "license" -> parts.license = license(parser.readValueAsTree());
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return PackageDocument.unreadable(MALFORMED);
            }
            return parts.document();
        } catch (IOException | RuntimeException e) {
            return PackageDocument.unreadable(MALFORMED);
        }
    }

    /** What was read, in whatever order the fields came. */
    private static final class Parts {
        String latest;
        Map<String, Instant> times;
        Set<String> versions;
        final Set<String> deprecated = new HashSet<>();
        String license;

        PackageDocument document() {
            Fetched<String> latestVersion = latest == null
                    ? Fetched.missing("the registry document has no dist-tags.latest") : Fetched.of(latest);
            Fetched<List<PublishedVersion>> published;
            if (versions == null || versions.isEmpty()) {
                published = Fetched.missing("the registry lists no published version (all unpublished?)");
            } else if (times == null) {
                published = Fetched.missing("the registry document has no time object");
            } else {
                List<PublishedVersion> list = new ArrayList<>();
                versions.stream().filter(times::containsKey)
                        .forEach(v -> list.add(new PublishedVersion(v, times.get(v))));
                published = list.isEmpty() ? Fetched.missing("the registry's time object dates no listed version")
                        : Fetched.of(List.copyOf(list));
            }
            Fetched<Boolean> isDeprecated = latest == null ? Fetched.missing(latestVersion.missingReason())
                    : versions == null || !versions.contains(latest)
                            ? Fetched.missing("dist-tags.latest names a version the document does not list")
                            : Fetched.of(deprecated.contains(latest));
            Fetched<String> licence = license == null ? Fetched.missing("the registry document names no license")
                    : Fetched.of(license);
            return new PackageDocument(latestVersion, published, isDeprecated, licence);
        }
    }

    /** {@code {"created": t, "modified": t, "<version>": t, ...}}; an unreadable time leaves its version out. */
    private static Map<String, Instant> times(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        Map<String, Instant> times = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String version = parser.currentName();
            JsonToken t = parser.nextToken();
            if (t == JsonToken.VALUE_STRING && !"created".equals(version) && !"modified".equals(version)) {
                try {
                    times.put(version, Instant.parse(parser.getText()));
                } catch (DateTimeParseException e) {
                    // a version without a readable date is not counted
                }
            } else {
                parser.skipChildren(); // "unpublished" is an object
            }
        }
        return times;
    }

    /** The version keys; each manifest only for its top-level {@code deprecated} message. */
    private static Set<String> versions(JsonParser parser, JsonToken value, Set<String> deprecated)
            throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        Set<String> versions = new LinkedHashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String version = parser.currentName();
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            versions.add(version);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken t = parser.nextToken();
                // npm un-deprecates by setting an empty message
                if ("deprecated".equals(field) && t == JsonToken.VALUE_STRING && !parser.getText().isBlank()) {
                    deprecated.add(version);
                } else {
                    parser.skipChildren();
                }
            }
        }
        return versions;
    }

    /** An SPDX string, or the legacy {@code {"type": "MIT", "url": ...}} form. */
    private static String license(JsonNode node) {
        if (node != null && node.isObject()) {
            return text(node, "type");
        }
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
