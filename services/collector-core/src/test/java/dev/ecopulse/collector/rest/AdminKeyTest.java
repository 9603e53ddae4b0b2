package dev.ecopulse.collector.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecopulse.collector.config.AdminConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminKeyTest {

    static final String KEY = "a-key-of-twenty-four-chr";

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();

    private static AdminConfig key(String key) {
        return () -> Optional.ofNullable(key);
    }

    @Test
    void refusesToStartWithAKeyShorterThanTheMinimum() {
        assertThat(KEY).hasSize(AdminKey.MIN_LENGTH);
        assertThatThrownBy(() -> new AdminKey(key("x".repeat(23)), clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ecopulse.admin.key (ECOPULSE_ADMIN_KEY) has 23 characters; at least 24 are required"
                        + " (e.g. openssl rand -hex 24)");
        new AdminKey(key(KEY), clock).check(KEY, "client");
        new AdminKey(key(null), clock); // no key: the endpoints are disabled, nothing to refuse
    }

    @Test
    void makesAClientThatKeepsGuessingWaitLongerAndLongerEvenWithTheRightKey() {
        AdminKey admin = new AdminKey(key(KEY), clock);
        for (int i = 0; i < FailedAttempts.FREE_FAILURES; i++) {
            assertThatThrownBy(() -> admin.check("guess", "10.0.0.1"))
                    .isInstanceOf(AdminKey.UnauthorizedException.class);
        }
        assertThatThrownBy(() -> admin.check(KEY, "10.0.0.1"))
                .isInstanceOfSatisfying(AdminKey.TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
        admin.check(KEY, "10.0.0.2"); // another client is not held up

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> admin.check("guess again", "10.0.0.1"))
                .isInstanceOf(AdminKey.UnauthorizedException.class);
        assertThatThrownBy(() -> admin.check(null, "10.0.0.1"))
                .isInstanceOfSatisfying(AdminKey.TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(2));

        clock.advance(Duration.ofSeconds(2));
        admin.check(KEY, "10.0.0.1"); // the right key clears the count
        assertThatThrownBy(() -> admin.check("guess", "10.0.0.1"))
                .isInstanceOf(AdminKey.UnauthorizedException.class);
        admin.check(KEY, "10.0.0.1");
    }

    @Test
    void theWaitDoublesUpToFiveMinutes() {
        assertThat(FailedAttempts.wait(FailedAttempts.FREE_FAILURES - 1)).isZero();
        assertThat(FailedAttempts.wait(FailedAttempts.FREE_FAILURES)).isEqualTo(Duration.ofSeconds(1));
        assertThat(FailedAttempts.wait(FailedAttempts.FREE_FAILURES + 3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(FailedAttempts.wait(FailedAttempts.FREE_FAILURES + 100)).isEqualTo(Duration.ofMinutes(5));
    }
}
