package dev.ecopulse.research.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.ecopulse.contract.event.EventJson;
import java.io.IOException;
import java.util.Optional;

/** Reads OpenAlex's answers strictly: a truncated or padded body is malformed, never half-read. */
public final class OpenAlexDocuments {

    private static final ObjectReader READER = EventJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int MAX_MESSAGE = 300;

    private OpenAlexDocuments() {
    }

    /** {@code meta.count} of a list answer; empty when the body is not a list answer with a whole, non-negative count. */
    public static Optional<Long> count(String body) {
        JsonNode count = object(body).map(o -> o.path("meta").path("count")).orElse(null);
        if (count == null || !count.isIntegralNumber() || !count.canConvertToLong() || count.asLong() < 0) {
            return Optional.empty();
        }
        return Optional.of(count.asLong());
    }

    /**
     * An error answer's {@code error} and {@code message} ({@code Invalid filter: Unknown filter field: …}), cut to a
     * readable length; empty when the body is not one.
     */
    public static Optional<String> error(String body) {
        return object(body).flatMap(o -> {
            String error = text(o.get("error"));
            String message = text(o.get("message"));
            if (error == null && message == null) {
                return Optional.empty();
            }
            String both = error == null ? message : message == null || message.equals(error) ? error
                    : error + ": " + message;
            return Optional.of(both.length() > MAX_MESSAGE ? both.substring(0, MAX_MESSAGE) + "…" : both);
        });
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
    }

    private static Optional<JsonNode> object(String body) {
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
}
