package dev.ecopulse.stackexchange.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The Stack Exchange API 2.3: where it is, which site, and how the daily quota and throttles are kept. */
@ConfigMapping(prefix = "ecopulse.stackexchange")
public interface StackexchangeConfig {

    /** Base URL of the API; the version ({@code /2.3}) is part of every path. */
    @WithDefault("https://api.stackexchange.com")
    String url();

    /** The site whose questions are counted ({@code site=}). */
    @WithDefault("stackoverflow")
    String site();

    /**
     * The app key (stackapps.com), sent as the query parameter {@code key=}: it raises the per-IP daily quota from
     * 300 to 10,000 requests. Never logged.
     */
    Optional<String> key();

    /**
     * A filter id that keeps {@code total}, {@code quota_remaining}, {@code quota_max}, {@code backoff} and the error
     * fields of the wrapper. Filters never expire; without one the collector creates it once per process with
     * {@code /filter/create} (one request) and reuses it.
     */
    Optional<String> filter();

    /** Sent with every request: names the collector and where to learn about it. */
    @WithDefault("ecopulse-stackexchange-collector/0.1.0 (+https://ecopulse.dev)")
    String userAgent();

    /** Most requests per second; the API bans an IP above 30, so anything higher is capped at 30. */
    @WithDefault("5")
    int requestsPerSecond();

    /** Longest wait for one answer. */
    @WithDefault("30s")
    Duration timeout();

    /**
     * Longest {@code backoff} waited out before asking the same method again; a longer one leaves that method's
     * remaining requests unasked this run.
     */
    @WithDefault("5m")
    Duration maxBackoff();

    /** Requests of the daily quota the collector leaves to other clients on the same IP. */
    @WithDefault("10")
    int quotaReserve();
}
