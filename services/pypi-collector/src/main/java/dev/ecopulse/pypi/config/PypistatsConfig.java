package dev.ecopulse.pypi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** pypistats.org: where it is, and its published per-IP limit (5 per second, 30 per minute) kept by design. */
@ConfigMapping(prefix = "ecopulse.pypistats")
public interface PypistatsConfig {

    /** Base URL of the API ({@code /api/packages/<name>/recent} and {@code /overall}). */
    @WithDefault("https://pypistats.org")
    String url();

    @WithDefault("5")
    int requestsPerSecond();

    @WithDefault("30")
    int requestsPerMinute();

    /**
     * How long an answer is reused instead of asking again: pypistats updates once a day and asks clients to fetch
     * each endpoint at most once a day. 0 asks every run.
     */
    @WithDefault("23h")
    Duration reuseFor();

    /** Longest wait for one answer. */
    @WithDefault("30s")
    Duration timeout();

    /** How many 429s in a row one request may get and still be asked again. */
    @WithDefault("4")
    int throttleRetries();

    /**
     * First wait after a 429 without Retry-After, doubling after each further one (5, 10, 20, 40 s by default); also
     * the wait before the single retry of a request that got no answer or a 5xx.
     */
    @WithDefault("5s")
    Duration throttleBackoff();

    /** Longest single wait after a 429; a longer Retry-After gives the package's downloads up for this run. */
    @WithDefault("120s")
    Duration throttleMaxWait();

    /**
     * After this many packages in a row lost their downloads to 429s, the rest of the run does not ask pypistats
     * (their downloads are listed as missing), so a throttled IP does not stretch a run by hours.
     */
    @WithDefault("2")
    int skipAfterThrottledPackages();
}
