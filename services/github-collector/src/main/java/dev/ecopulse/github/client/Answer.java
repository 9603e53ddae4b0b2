package dev.ecopulse.github.client;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One answer from GitHub, read completely: status, headers (lower-case names) and body. {@code reused} marks an answer
 * rebuilt from a remembered one after a 304.
 */
public record Answer(Endpoint endpoint, int status, Map<String, String> headers, String body, Instant receivedAt,
        boolean reused) {

    public Answer {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** Reads a REST client response; repeated headers (e.g. several {@code link}) are joined with ", ". */
    static Answer read(Endpoint endpoint, Response response, Instant receivedAt) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.getStringHeaders().forEach((name, values) -> headers.merge(name.toLowerCase(Locale.ROOT),
                String.join(", ", values), (a, b) -> a + ", " + b));
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new Answer(endpoint, response.getStatus(), headers, body, receivedAt, false);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** A header holding a whole number; empty when absent or unreadable. */
    public OptionalLong longHeader(String name) {
        String value = header(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The answer a 304 stands for: the remembered status 200, headers and body, received now. */
    Answer reusing(Map<String, String> rememberedHeaders, String rememberedBody) {
        Map<String, String> merged = new LinkedHashMap<>(rememberedHeaders);
        merged.putAll(headers); // fresh rate-limit headers win
        return new Answer(endpoint, 200, merged, rememberedBody, receivedAt, true);
    }
}
