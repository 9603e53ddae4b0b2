package dev.ecopulse.support.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FailedAttemptsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T00:00:00Z"));
    private final FailedAttempts attempts = new FailedAttempts(now::get);

    @Test
    void aClientWaitsOnlyAfterItsFreeFailuresAndASuccessClearsItsCount() {
        for (int i = 0; i < FailedAttempts.FREE_FAILURES - 1; i++) {
            attempts.failed("10.0.0.1");
        }
        assertThat(attempts.waitFor("10.0.0.1")).isEmpty();
        attempts.failed("10.0.0.1");
        assertThat(attempts.waitFor("10.0.0.1")).contains(Duration.ofSeconds(1));
        assertThat(attempts.waitFor("10.0.0.2")).as("another client").isEmpty();

        now.set(now.get().plusSeconds(1));
        assertThat(attempts.waitFor("10.0.0.1")).isEmpty();
        attempts.succeeded("10.0.0.1");
        attempts.failed("10.0.0.1");
        assertThat(attempts.waitFor("10.0.0.1")).isEmpty();
    }

    @Test
    void theWaitDoublesUpToFiveMinutes() {
        assertThat(FailedAttempts.wait(FailedAttempts.FREE_FAILURES - 1)).isZero();
        assertThat(FailedAttempts.wait(FailedAttempts.FREE_FAILURES)).isEqualTo(Duration.ofSeconds(1));
        assertThat(FailedAttempts.wait(FailedAttempts.FREE_FAILURES + 3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(FailedAttempts.wait(FailedAttempts.FREE_FAILURES + 100)).isEqualTo(Duration.ofMinutes(5));
    }
}
