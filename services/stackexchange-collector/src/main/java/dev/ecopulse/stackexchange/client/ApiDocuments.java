package dev.ecopulse.stackexchange.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.ecopulse.contract.event.EventJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the API's wrapper strictly: a body that is not exactly one JSON object, or a field of the wrong type, makes
 * the answer malformed, never half-read.
 */
public final class ApiDocuments {

    private static final ObjectReader READER = EventJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ApiDocuments() {
    }

    /** The wrapper in {@code body}; empty when malformed. */
    public static Optional<ApiAnswer> read(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : READER.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ApiAnswer(count(root, "total"), tags(root.get("items")), filter(root.get("items")),
                    small(root, "quota_remaining"), small(root, "quota_max"), small(root, "backoff"), error(root)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ApiError error(JsonNode root) {
        Integer id = small(root, "error_id");
        if (id == null) {
            return null;
        }
        return new ApiError(id, root.path("error_name").asText("unknown_error"), root.path("error_message").asText(""));
    }

    /** Tag items ({@code name} and {@code count}); items of other kinds are no tags. */
    private static List<ApiAnswer.TagCount> tags(JsonNode items) {
        List<ApiAnswer.TagCount> tags = new ArrayList<>();
        if (items == null || items.isNull()) {
            return tags;
        }
        if (!items.isArray()) {
            throw new IllegalArgumentException("items is not an array");
        }
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw new IllegalArgumentException("an item is not an object");
            }
            if (item.has("name") || item.has("count")) {
                if (!item.path("name").isTextual()) {
                    throw new IllegalArgumentException("a tag without a name");
                }
                Long count = count(item, "count");
                if (count == null) {
                    throw new IllegalArgumentException("a tag without a count");
                }
                tags.add(new ApiAnswer.TagCount(item.get("name").asText(), count));
            }
        }
        return tags;
    }

    private static String filter(JsonNode items) {
        if (items != null && items.isArray() && !items.isEmpty() && items.get(0).path("filter").isTextual()) {
            return items.get(0).get("filter").asText();
        }
        return null;
    }

    /** A non-negative whole number, null when absent; anything else is malformed. */
    private static Long count(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new IllegalArgumentException(field + " is not a count");
        }
        return value.asLong();
    }

    private static Integer small(JsonNode node, String field) {
        Long value = count(node, field);
        if (value != null && value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " is too large");
        }
        return value == null ? null : value.intValue();
    }
}
