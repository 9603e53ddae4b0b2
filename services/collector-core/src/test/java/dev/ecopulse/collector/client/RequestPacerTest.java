package dev.ecopulse.collector.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPacerTest {

    /** A clock that moves only when the pacer sleeps. */
    static final class FakeTime extends Clock {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        final List<Instant> sends = new ArrayList<>();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void keepsEveryWindowUnderItsLimit() throws InterruptedException {
        FakeTime time = new FakeTime();
        RequestPacer pacer = new RequestPacer(List.of(new RequestPacer.Limit(5, Duration.ofSeconds(1)),
                new RequestPacer.Limit(30, Duration.ofMinutes(1))), time, d -> time.now = time.now.plus(d));

        for (int i = 0; i < 40; i++) {
            pacer.acquire();
            time.sends.add(time.now);
        }

        assertThat(maxInWindow(time.sends, Duration.ofSeconds(1))).isEqualTo(5);
        assertThat(maxInWindow(time.sends, Duration.ofMinutes(1))).isEqualTo(30);
        // 30 go out in the first 6 seconds, the 31st waits for the first to leave the minute window
        assertThat(Duration.between(time.sends.get(0), time.sends.get(30))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void doesNotWaitUnderTheLimit() throws InterruptedException {
        FakeTime time = new FakeTime();
        RequestPacer pacer = new RequestPacer(List.of(new RequestPacer.Limit(3, Duration.ofSeconds(1))), time,
                d -> {
                    throw new AssertionError("should not wait");
                });

        pacer.acquire();
        pacer.acquire();
        pacer.acquire();
    }

    private static long maxInWindow(List<Instant> sends, Duration window) {
        long max = 0;
        for (Instant start : sends) {
            long n = sends.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plus(window))).count();
            max = Math.max(max, n);
        }
        return max;
    }
}
