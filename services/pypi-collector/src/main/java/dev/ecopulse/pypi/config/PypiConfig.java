package dev.ecopulse.pypi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** PyPI's JSON and Simple APIs: where they are and how politely to ask them. */
@ConfigMapping(prefix = "ecopulse.pypi")
public interface PypiConfig {

    /** Base URL of the JSON API ({@code /pypi/<name>/json}) and the Simple API ({@code /simple/<name>/}). */
    @WithDefault("https://pypi.org")
    String url();

    /** Sent to PyPI, pypistats.org and deps.dev: names the collector and where to learn about it. */
    @WithDefault("ecopulse-pypi-collector/0.1.0 (+https://ecopulse.dev)")
    String userAgent();

    /** Most requests per second to PyPI; it publishes no limit but asks for unhurried, serial clients. */
    @WithDefault("5")
    int requestsPerSecond();

    /** Longest wait for one answer. */
    @WithDefault("30s")
    Duration timeout();

    /** How many 429s in a row one request may get and still be asked again. */
    @WithDefault("3")
    int throttleRetries();

    /**
     * First wait after a 429 without Retry-After (doubling after each further one); also the wait before the single
     * retry of a request that got no answer or a 5xx.
     */
    @WithDefault("2s")
    Duration throttleBackoff();

    /** Longest single wait after a 429; a longer Retry-After gives the signals up for this run. */
    @WithDefault("60s")
    Duration throttleMaxWait();

    /**
     * Answers remembered (by URL, with their ETag) to send conditional requests and reuse them on 304, per upstream
     * and endpoint; without it, sized by the run's packages.
     */
    Optional<Integer> etagCacheSize();
}
