package dev.ecopulse.collector.client.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What asking an upstream gave, after pacing, waits and retries: an HTTP answer ({@code status}, lower-case
 * {@code headers}, the whole {@code body}) or, when there is none, the {@code failure} reason ({@code throttled}
 * when the upstream kept answering 429). {@code reused} marks an answer rebuilt from memory after a 304;
 * {@code attempts} counts the requests sent for it, retries included; {@code endpoint} is the request's kind.
 */
public record UpstreamReply(int status, Map<String, String> headers, String body, Instant receivedAt,
        String failure, boolean throttled, boolean reused, int attempts, String endpoint) {

    public UpstreamReply {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public static UpstreamReply answered(int status, Map<String, String> headers, String body, Instant receivedAt) {
        return new UpstreamReply(status, headers, body, receivedAt, null, false, false, 1, null);
    }

    public static UpstreamReply failed(String reason, boolean throttled, Instant at) {
        return new UpstreamReply(0, Map.of(), "", at, reason, throttled, false, 1, null);
    }

    public boolean answered() {
        return failure == null;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String etag() {
        return header("etag");
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

    /** The answer a 304 stands for: status 200 with the remembered headers and body, fresh headers winning. */
    public UpstreamReply reusing(UpstreamReply remembered) {
        Map<String, String> merged = new LinkedHashMap<>(remembered.headers());
        merged.putAll(headers);
        return new UpstreamReply(200, merged, remembered.body(), receivedAt, null, false, true, attempts, endpoint);
    }

    /** This reply as the answer to a request of kind {@code kind} that took {@code count} attempts. */
    public UpstreamReply to(String kind, int count) {
        return new UpstreamReply(status, headers, body, receivedAt, failure, throttled, reused, count, kind);
    }
}
