package dev.ecopulse.collector.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThrottleBackoffTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    final ThrottleBackoff backoff = new ThrottleBackoff(4, Duration.ofSeconds(5), Duration.ofSeconds(30), NOW);

    @Test
    void waitsWhatRetryAfterAsksInSecondsOrAsADate() {
        assertThat(backoff.next(1, "12").delay()).isEqualTo(Duration.ofSeconds(12));
        assertThat(backoff.next(1, "Sat, 28 Nov 2026 10:00:20 GMT").delay()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void backsOffExponentiallyWithoutRetryAfterCappedAtTheLongestWait() {
        assertThat(backoff.next(1, null).delay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.next(2, "").delay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.next(3, "soon").delay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.next(4, null).delay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void givesUpAfterTheLastRetryWithTheReason() {
        ThrottleBackoff.Step step = backoff.next(5, "1");

        assertThat(step.retry()).isFalse();
        assertThat(step.giveUpReason()).isEqualTo("answered 429 5 times in a row");
    }

    @Test
    void givesUpWhenAskedToWaitLongerThanAllowed() {
        ThrottleBackoff.Step step = backoff.next(1, "3600");

        assertThat(step.retry()).isFalse();
        assertThat(step.giveUpReason()).isEqualTo("answered 429 asking to wait 3600 s, longer than the 30 s allowed");
    }
}
