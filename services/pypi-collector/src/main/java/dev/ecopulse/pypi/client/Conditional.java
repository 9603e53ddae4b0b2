package dev.ecopulse.pypi.client;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * One upstream document fetched with its ETag: read afresh on 200, reused from the cache on 304, absent on 404, a
 * failure with the reason otherwise.
 */
public final class Conditional {

    private Conditional() {
    }

    /**
     * @param what how the reason names the upstream, e.g. {@code PyPI's JSON API}
     * @param notFound the reason when the upstream answers 404
     */
    public static <T> Lookup<T> fetch(UpstreamHttp http, ConditionalCache<T> cache, String endpoint, URI uri,
            String accept, Function<String, T> reader, String what, String notFound) throws InterruptedException {
        Optional<ConditionalCache.Entry<T>> cached = cache.get(uri);
        HttpReply reply = http.get(endpoint, uri, accept, cached.map(ConditionalCache.Entry::etag).orElse(null));
        if (!reply.answered()) {
            return new Lookup.Failed<>(reply.failure(), reply.throttled());
        }
        switch (reply.status()) {
            case 200 -> {
                T value = reader.apply(reply.body());
                cache.put(uri, reply.etag(), value);
                return new Lookup.Found<>(value);
            }
            case 304 -> {
                return cached.<Lookup<T>>map(c -> new Lookup.Found<>(c.value()))
                        .orElseGet(() -> new Lookup.Failed<>(what + " answered 304 to an unconditional request",
                                false));
            }
            case 404, 410 -> {
                return new Lookup.NotFound<>(notFound);
            }
            default -> {
                return new Lookup.Failed<>(what + " answered HTTP " + reply.status(), false);
            }
        }
    }
}
