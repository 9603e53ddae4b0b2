package dev.ecopulse.contract.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of the payloads (kept in docs/events and shipped on the class path), and validation against them.
 */
public final class EventSchemas {

    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Schema file name of a CloudEvents type, e.g. {@code github-observation.v1.schema.json}. */
    public static String schemaFile(String eventType) {
        if (CloudEventAttributes.SCORE_CHANGED_TYPE.equals(eventType)) {
            return "score-changed.v1.schema.json";
        }
        if (Arrays.stream(ObservationSource.values()).anyMatch(s -> SeriesObservation.eventType(s).equals(eventType))) {
            return "series.v1.schema.json";
        }
        return ObservationSource.fromEventType(eventType)
                .map(s -> s.id() + "-observation.v1.schema.json")
                .orElseThrow(() -> new IllegalArgumentException("unknown event type: " + eventType));
    }

    /** Validation errors of a payload against its type's schema; empty when it is valid. */
    public static List<String> validate(String eventType, JsonNode payload) {
        return schema(eventType).validate(payload).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema schema(String eventType) {
        return CACHE.computeIfAbsent(schemaFile(eventType), EventSchemas::load);
    }

    private static JsonSchema load(String file) {
        String resource = "/ecopulse/schemas/" + file;
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the class path: " + resource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(EventJson.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
