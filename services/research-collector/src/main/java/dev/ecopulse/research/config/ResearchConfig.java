package dev.ecopulse.research.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/** OpenAlex: where it is, the key, the daily budget in dollars and how the counting windows are placed. */
@ConfigMapping(prefix = "ecopulse.research")
public interface ResearchConfig {

    /** Base URL of the API ({@code /works}). */
    @WithDefault("https://api.openalex.org")
    String url();

    /** The free OpenAlex key (from {@code ECOPULSE_OPENALEX_API_KEY}), sent as {@code api_key=}; never logged. */
    Optional<String> apiKey();

    /** Sent with every request: names the collector and where to learn about it. */
    @WithDefault("ecopulse-research-collector/0.1.0 (+https://ecopulse.dev)")
    String userAgent();

    /**
     * Dollars this service may spend at OpenAlex per UTC day. Unset: the documented free allowance, $1 with a key and
     * $0.01 without.
     */
    Optional<BigDecimal> dailyBudget();

    /** What one search costs: OpenAlex prices {@code search=} at $1 per 1,000 calls. */
    @WithDefault("0.001")
    BigDecimal searchPrice();

    /**
     * How far the counting windows end behind today. Works reach OpenAlex days to weeks after their publication
     * date (publishers' deposits, repositories, abstracts added later), so a window ending today undercounts its
     * last weeks and a year-on-year comparison would read a decline that is only lag.
     */
    @WithDefault("30d")
    Duration lag();

    /** How long a count is reused instead of asked again (and paid again): counts of past windows change slowly. */
    @WithDefault("23h")
    Duration reuseFor();

    /** Most requests per second; OpenAlex allows 100 for everyone, a few are plenty for this collector. */
    @WithDefault("5")
    int requestsPerSecond();

    /** Longest wait for one answer. */
    @WithDefault("30s")
    Duration timeout();

    /** How many 403s ("rate limit exceeded: slow down") in a row one request may get and still be asked again. */
    @WithDefault("3")
    int throttleRetries();

    /** First wait after a 403 without Retry-After, doubling after each further one; also the wait before a retry after a 5xx. */
    @WithDefault("2s")
    Duration throttleBackoff();

    /** Longest single wait after a 403; a longer Retry-After gives the count up for this run. */
    @WithDefault("60s")
    Duration throttleMaxWait();

    /** Whether a non-blank key is configured. */
    default boolean keyed() {
        return apiKey().filter(k -> !k.isBlank()).isPresent();
    }
}
