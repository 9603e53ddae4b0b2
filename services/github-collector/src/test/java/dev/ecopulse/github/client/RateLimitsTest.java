package dev.ecopulse.github.client;

import static dev.ecopulse.github.client.Replies.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.github.config.GithubConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RateLimits limits = new RateLimits(registry, TestConfig.withToken("t"));

    @Test
    void waitsForTheResetWhenTheBudgetLessTheReserveDoesNotCoverTheNextRequest() {
        limits.update("graphql", 5000, 103, NOW.plusSeconds(900));

        assertThat(limits.waitBefore("graphql", 3, NOW)).isEmpty(); // 103 - 3 = 100 = the 2 % reserve
        assertThat(limits.waitBefore("graphql", 4, NOW)).contains(Duration.ofSeconds(901));
    }

    @Test
    void doesNotWaitWhenNothingIsKnownOrTheResetHasPassed() {
        assertThat(limits.waitBefore("core", 1, NOW)).isEmpty();
        limits.update("core", 60, 0, NOW.minusSeconds(1));
        assertThat(limits.waitBefore("core", 1, NOW)).isEmpty();
    }

    @Test
    void afterTheResetTheBudgetIsWholeAgain() {
        limits.update("core", 60, 0, NOW.plusSeconds(60));
        assertThat(limits.waitBefore("core", 1, NOW)).isPresent();

        limits.refilled("core");

        assertThat(limits.waitBefore("core", 1, NOW)).isEmpty();
        assertThat(limits.remaining("core")).hasValue(60);
    }

    @Test
    void readsTheHeadersOfEveryAnswerIntoGaugesPerResource() {
        limits.update(reply(Endpoint.SEARCH, 200, Map.of("x-ratelimit-limit", "30", "x-ratelimit-remaining", "29",
                "x-ratelimit-reset", "1795860060", "x-ratelimit-resource", "search"), "{}", NOW, false));

        assertThat(registry.get("ecopulse.github.rate.limit.remaining").tag("resource", "search").gauge().value())
                .isEqualTo(29);
        assertThat(registry.get("ecopulse.github.rate.limit.reset.timestamp").tag("resource", "search").gauge()
                .value()).isEqualTo(1795860060);
        assertThat(limits.reset("search")).contains(Instant.ofEpochSecond(1795860060));
    }

    /** A configuration with defaults, for tests outside Quarkus. */
    static final class TestConfig implements GithubConfig {
        private final String token;

        private TestConfig(String token) {
            this.token = token;
        }

        static GithubConfig withToken(String token) {
            return new TestConfig(token);
        }

        @Override
        public String apiUrl() {
            return "http://localhost";
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(20);
        }

        @Override
        public Duration retryDelay() {
            return Duration.ofSeconds(2);
        }

        @Override
        public Optional<String> token() {
            return Optional.ofNullable(token);
        }

        @Override
        public int batchSize() {
            return 50;
        }

        @Override
        public int backfillBatchSize() {
            return 25;
        }

        @Override
        public double budgetReserve() {
            return 0.02;
        }

        @Override
        public Duration maxWait() {
            return Duration.ofMinutes(65);
        }

        @Override
        public int rateLimitRetries() {
            return 5;
        }

        @Override
        public Duration secondaryBackoff() {
            return Duration.ofMinutes(1);
        }

        @Override
        public Duration observedAtTolerance() {
            return Duration.ofMinutes(1);
        }

        @Override
        public Optional<Integer> etagCacheSize() {
            return Optional.of(100);
        }
    }
}
