package dev.ecopulse.collector.client.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request to an upstream. {@code endpoint} is the metric label of its kind (e.g. {@code json}, {@code graphql});
 * {@code authorization} is sent only to the host of {@code uri}, over https (see {@link UpstreamHttp}); {@code cost}
 * is what one attempt costs the run (1 for a request, 0 when the caller counts points itself).
 */
public record UpstreamRequest(String endpoint, String method, URI uri, Map<String, String> headers, String body,
        String authorization, long cost) {

    public UpstreamRequest {
        Objects.requireNonNull(endpoint);
        Objects.requireNonNull(uri);
        headers = Map.copyOf(headers);
    }

    public static UpstreamRequest get(String endpoint, URI uri) {
        return new UpstreamRequest(endpoint, "GET", uri, Map.of(), null, null, 1);
    }

    public static UpstreamRequest post(String endpoint, URI uri, String contentType, String body) {
        return new UpstreamRequest(endpoint, "POST", uri, Map.of("Content-Type", contentType), body, null, 1);
    }

    public UpstreamRequest header(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new UpstreamRequest(endpoint, method, uri, more, body, authorization, cost);
    }

    /** Sends {@code If-None-Match}; null sends nothing. */
    public UpstreamRequest ifNoneMatch(String etag) {
        return header("If-None-Match", etag);
    }

    /** The {@code Authorization} value (e.g. {@code Bearer <token>}); null sends none. */
    public UpstreamRequest authorization(String value) {
        return new UpstreamRequest(endpoint, method, uri, headers, body, value, cost);
    }

    public UpstreamRequest cost(long units) {
        return new UpstreamRequest(endpoint, method, uri, headers, body, authorization, units);
    }

    /** Never prints the credentials. */
    @Override
    public String toString() {
        return method + " " + uri + (authorization == null ? "" : " (authorised)");
    }
}
