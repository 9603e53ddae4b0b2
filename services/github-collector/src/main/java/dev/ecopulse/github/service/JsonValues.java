package dev.ecopulse.github.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Strict readers of GitHub's JSON values: a value of the wrong type is unreadable, never guessed into a number. */
final class JsonValues {

    private JsonValues() {
    }

    /** A count: a whole, non-negative JSON number. */
    static Optional<Long> count(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0) {
            return Optional.of(node.asLong());
        }
        return Optional.empty();
    }

    /** An ISO-8601 instant in a JSON string. */
    static Optional<Instant> instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(node.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    static Optional<Boolean> bool(JsonNode node) {
        return node != null && node.isBoolean() ? Optional.of(node.asBoolean()) : Optional.empty();
    }

    /** JSON null or no such field. */
    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }
}
