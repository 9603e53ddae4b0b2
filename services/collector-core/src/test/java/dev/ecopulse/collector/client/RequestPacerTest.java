package dev.ecopulse.collector.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.testsupport.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPacerTest {

    final VirtualTime time = new VirtualTime(Instant.parse("2026-11-28T10:00:00Z"));

    @Test
    void keepsEveryWindowUnderItsLimit() throws InterruptedException {
        RequestPacer pacer = new RequestPacer(List.of(new RequestPacer.Limit(5, Duration.ofSeconds(1)),
                new RequestPacer.Limit(30, Duration.ofMinutes(1))), time);
        List<Instant> sends = new ArrayList<>();

        for (int i = 0; i < 40; i++) {
            pacer.acquire();
            sends.add(time.now());
        }

        assertThat(maxInWindow(sends, Duration.ofSeconds(1))).isEqualTo(5);
        assertThat(maxInWindow(sends, Duration.ofMinutes(1))).isEqualTo(30);
        // 30 go out in the first 6 seconds, the 31st waits for the first to leave the minute window
        assertThat(Duration.between(sends.get(0), sends.get(30))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void doesNotWaitUnderTheLimit() throws InterruptedException {
        RequestPacer pacer = new RequestPacer(List.of(new RequestPacer.Limit(3, Duration.ofSeconds(1))), time);

        pacer.acquire();
        pacer.acquire();
        pacer.acquire();

        assertThat(time.pauses()).isEmpty();
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
