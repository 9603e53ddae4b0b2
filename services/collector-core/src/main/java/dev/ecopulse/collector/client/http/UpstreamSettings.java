package dev.ecopulse.collector.client.http;

import dev.ecopulse.collector.client.RequestPacer;
import java.time.Duration;
import java.util.List;

/**
 * How to talk to one upstream.
 *
 * @param name how reasons name the upstream, e.g. {@code PyPI}
 * @param source the collector, the {@code source} tag of request metrics
 * @param timeout deadline of one whole exchange: connecting, headers and the entire body
 * @param limits requests the host allows (paced, never rejected); empty for none
 * @param throttleRetries 429s in a row one request may get and still be asked again; -1 hands a 429 to the caller
 * @param throttleBackoff first wait after a 429 without a usable Retry-After, doubling after each further one
 * @param throttleMaxWait longest single wait after a 429; a longer Retry-After gives the request up
 * @param retries further attempts after no answer or a 5xx
 * @param retryDelay wait before the first of those, doubling after each
 * @param freeNotModified whether a 304 costs nothing (GitHub, with a token)
 */
public record UpstreamSettings(String name, String source, String userAgent, Duration timeout,
        List<RequestPacer.Limit> limits, int throttleRetries, Duration throttleBackoff, Duration throttleMaxWait,
        int retries, Duration retryDelay, boolean freeNotModified) {

    public UpstreamSettings {
        limits = List.copyOf(limits);
    }

    /** A polite upstream: {@code perSecond} requests per second, 429s waited out, one retry after a failure. */
    public static UpstreamSettings of(String name, String source, String userAgent, Duration timeout, int perSecond) {
        return new UpstreamSettings(name, source, userAgent, timeout,
                List.of(new RequestPacer.Limit(perSecond, Duration.ofSeconds(1))), 3, Duration.ofSeconds(2),
                Duration.ofSeconds(60), 1, Duration.ofSeconds(2), false);
    }

    public UpstreamSettings withLimits(List<RequestPacer.Limit> newLimits) {
        return new UpstreamSettings(name, source, userAgent, timeout, newLimits, throttleRetries, throttleBackoff,
                throttleMaxWait, retries, retryDelay, freeNotModified);
    }

    public UpstreamSettings withThrottle(int newRetries, Duration backoff, Duration maxWait) {
        return new UpstreamSettings(name, source, userAgent, timeout, limits, newRetries, backoff, maxWait, retries,
                retryDelay, freeNotModified);
    }

    public UpstreamSettings withRetries(int newRetries, Duration delay) {
        return new UpstreamSettings(name, source, userAgent, timeout, limits, throttleRetries, throttleBackoff,
                throttleMaxWait, newRetries, delay, freeNotModified);
    }

    public UpstreamSettings withFreeNotModified(boolean free) {
        return new UpstreamSettings(name, source, userAgent, timeout, limits, throttleRetries, throttleBackoff,
                throttleMaxWait, retries, retryDelay, free);
    }
}
