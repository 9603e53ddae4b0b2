package dev.ecopulse.github.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where GitHub is, how the collector authenticates, and how it treats GitHub's rate limits. */
@ConfigMapping(prefix = "ecopulse.github")
public interface GithubConfig {

    /** REST base URL; GraphQL is at {@code <api-url>/graphql}. */
    @WithDefault("https://api.github.com")
    String apiUrl();

    /** Token (from {@code GITHUB_TOKEN}); without one the collector uses REST alone at 60 requests/hour. */
    Optional<String> token();

    /**
     * Deadline of one whole exchange, body included. GitHub ends GraphQL queries after 10 s with 502/504; a little
     * more leaves room for the answer.
     */
    @WithDefault("20s")
    Duration timeout();

    /** Wait before retrying a 5xx or a request that got no answer (twice at most), doubling after the first. */
    @WithDefault("2s")
    Duration retryDelay();

    /** Repositories per GraphQL query (1–100); 50 keeps a query at a few points and far from GitHub's timeouts. */
    @WithDefault("50")
    int batchSize();

    /**
     * Repositories per GraphQL query of a backfill (1–100, at most {@code batch-size}): its query reads 13 commit
     * windows per repository instead of 6, so 25 keeps a query's history reads (25 × 13) near a usual one's (50 × 6)
     * and as far from GitHub's 10 s limit.
     */
    @WithDefault("25")
    int backfillBatchSize();

    /** Share of each hourly limit left unused, for other users of the same token. */
    @WithDefault("0.02")
    double budgetReserve();

    /** Longest single wait for a rate-limit reset or a {@code retry-after}; a longer one gives the signals up. */
    @WithDefault("65m")
    Duration maxWait();

    /** Rate-limited answers in a row one request may get and still be asked again. */
    @WithDefault("5")
    int rateLimitRetries();

    /** First wait after a secondary rate limit without {@code retry-after}; doubles each time after (GitHub's advice). */
    @WithDefault("60s")
    Duration secondaryBackoff();

    /** Signals observed within this much of {@code observedAt} count as observed at {@code observedAt}. */
    @WithDefault("60s")
    Duration observedAtTolerance();

    /**
     * Conditional-request answers remembered (ETags), least recently used out first; without it, sized by the
     * run's repositories (collector-core's {@code ConditionalCaches}).
     */
    Optional<Integer> etagCacheSize();

    /** Whether a non-blank token is configured: GraphQL mode. */
    default boolean authorized() {
        return token().filter(t -> !t.isBlank()).isPresent();
    }
}
