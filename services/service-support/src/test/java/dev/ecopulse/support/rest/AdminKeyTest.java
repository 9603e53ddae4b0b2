package dev.ecopulse.support.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecopulse.support.config.AdminConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AdminKeyTest {

    static final String KEY = "a-key-of-twenty-four-chr";

    /** The time the test moves by hand. */
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T00:00:00Z"));
    private final InstantSource clock = now::get;

    private void advance(Duration d) {
        now.set(now.get().plus(d));
    }

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

        advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> admin.check("guess again", "10.0.0.1"))
                .isInstanceOf(AdminKey.UnauthorizedException.class);
        assertThatThrownBy(() -> admin.check(null, "10.0.0.1"))
                .isInstanceOfSatisfying(AdminKey.TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(2));

        advance(Duration.ofSeconds(2));
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
