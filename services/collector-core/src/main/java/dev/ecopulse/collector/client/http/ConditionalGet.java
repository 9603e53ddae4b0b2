package dev.ecopulse.collector.client.http;

import dev.ecopulse.collector.run.RunContext;
import java.util.Optional;
import java.util.function.Function;

/**
 * One upstream document fetched with its ETag: read afresh on 200, reused from the cache on 304, absent on 404 or
 * 410, a failure with the reason otherwise.
 */
public final class ConditionalGet {

    private ConditionalGet() {
    }

    /**
     * @param what how the reason names the upstream, e.g. {@code PyPI's JSON API}
     * @param notFound the reason when the upstream answers 404
     */
    public static <T> Lookup<T> fetch(UpstreamHttp http, ConditionalCache<T> cache, UpstreamRequest request,
            Function<String, T> reader, String what, String notFound, RunContext run) throws InterruptedException {
        Optional<ConditionalCache.Entry<T>> cached = cache.get(request.uri());
        UpstreamReply reply = http.send(request.ifNoneMatch(cached.map(ConditionalCache.Entry::etag).orElse(null)),
                run);
        if (!reply.answered()) {
            return new Lookup.Failed<>(reply.failure(), reply.throttled());
        }
        switch (reply.status()) {
            case 200 -> {
                T value = reader.apply(reply.body());
                cache.put(request.uri(), reply.etag(), value);
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
