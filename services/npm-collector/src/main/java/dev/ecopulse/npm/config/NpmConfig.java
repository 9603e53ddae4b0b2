package dev.ecopulse.npm.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** npm's registry and its download counts API: where they are and how politely to ask them. */
@ConfigMapping(prefix = "ecopulse.npm")
public interface NpmConfig {

    /** Base URL of the registry ({@code /<name>}, scoped names as {@code /@scope%2Fname}). */
    @WithDefault("https://registry.npmjs.org")
    String registryUrl();

    /** Base URL of the download counts API ({@code /downloads/range/<period>/<names>}). */
    @WithDefault("https://api.npmjs.org")
    String downloadsUrl();

    /** Sent to both hosts: names the collector and where to learn about it. */
    @WithDefault("ecopulse-npm-collector/0.1.0 (+https://ecopulse.dev)")
    String userAgent();

    /** Most requests per second to the registry; it publishes no limit. */
    @WithDefault("5")
    int registryRequestsPerSecond();

    /**
     * Shortest gap between two requests to the download counts API: since November 2025 it answers about one request
     * per second with 429, so one request per two seconds by default.
     */
    @WithDefault("2s")
    Duration downloadsInterval();

    /** Package names per bulk download query; npm allows at most 128 (scoped names are never sent in bulk). */
    @WithDefault("128")
    int bulkSize();

    /** Longest wait for one answer (a full registry document of a big package included). */
    @WithDefault("60s")
    Duration timeout();

    /** How many 429s in a row one request may get and still be asked again. */
    @WithDefault("3")
    int throttleRetries();

    /**
     * First wait after a 429 without Retry-After (doubling after each further one; npm's Cloudflare page sends none);
     * also the wait before the single retry of a request that got no answer or a 5xx.
     */
    @WithDefault("5s")
    Duration throttleBackoff();

    /** Longest single wait after a 429; a longer Retry-After gives the request up for this run. */
    @WithDefault("60s")
    Duration throttleMaxWait();

    /**
     * After this many download queries in a row were given up to 429s, the rest of the run does not ask the download
     * counts API (the packages' downloads are listed as missing), so a throttled IP does not stretch a run by hours.
     */
    @WithDefault("2")
    int skipDownloadsAfterThrottled();

    /**
     * Registry documents remembered (by URL, with their ETag) to send conditional requests and reuse them on 304;
     * without it, sized by the run's packages.
     */
    Optional<Integer> etagCacheSize();
}
