package dev.ecopulse.npm.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.ecopulse.contract.event.EventJson;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads upstream JSON strictly: a truncated or padded body is malformed, never half-read. */
public final class JsonDocuments {

    private static final ObjectReader READER = EventJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonDocuments() {
    }

    /** The JSON object in {@code body}; empty when it is not exactly one well-formed JSON object. */
    public static Optional<JsonNode> object(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = READER.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A non-negative whole number, or null when the node is absent or anything else. */
    public static Long count(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            return null;
        }
        return node.asLong();
    }

    /** A {@code YYYY-MM-DD} date, or null. */
    public static LocalDate date(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** npm's {@code {"error":"..."}} text of an error answer, or null. */
    public static String error(String body) {
        return object(body).map(o -> o.get("error")).filter(JsonNode::isTextual).map(JsonNode::asText)
                .orElse(null);
    }
}
