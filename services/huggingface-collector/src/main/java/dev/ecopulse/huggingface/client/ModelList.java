package dev.ecopulse.huggingface.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.contract.event.EventJson;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an {@code /api/models} answer strictly: a JSON array of objects, each with a textual {@code id}. Anything else
 * (an object, a truncated body, an entry without an id) makes the page malformed, never half-read: a count over part
 * of a page would be a wrong number. Optional fields that are absent or of another type are null.
 */
public final class ModelList {

    private static final ObjectReader READER = EventJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ModelList() {
    }

    public static Fetched<List<HubModel>> read(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : READER.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isArray()) {
            return Fetched.missing("the Hub answered a malformed model list (not a JSON array)");
        }
        List<HubModel> models = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root) {
            JsonNode id = entry.get("id");
            if (!entry.isObject() || id == null || !id.isTextual() || id.asText().isBlank()) {
                return Fetched.missing("the Hub answered a malformed model list (entry " + index + " has no id)");
            }
            models.add(new HubModel(id.asText(), instant(entry.get("createdAt")), count(entry.get("downloads")),
                    count(entry.get("likes")), tags(entry.get("tags")), text(entry.get("library_name"))));
            index++;
        }
        return Fetched.of(models);
    }

    private static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long count(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0
                ? node.asLong() : null;
    }

    private static List<String> tags(JsonNode node) {
        if (node == null || !node.isArray()) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        node.forEach(t -> {
            if (t.isTextual()) {
                tags.add(t.asText());
            }
        });
        return tags;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
