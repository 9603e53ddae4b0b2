package dev.ecopulse.contract.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How a service tells the time and waits (pacing, Retry-After, rate-limit resets). One seam, so tests swap in virtual
 * time (test-support's {@code VirtualTime}) and assert long waits without spending them.
 */
public interface TimeSource {

    Instant now();

    /** Returns after {@code duration}; at once for zero or negative durations. */
    void sleep(Duration duration) throws InterruptedException;

    /** This time source as a {@link Clock} (UTC), for APIs that take one. */
    default Clock clock() {
        TimeSource source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return source.now();
            }
        };
    }

    /** Real time: the system clock and {@link Thread#sleep}. */
    static TimeSource system() {
        return SystemTime.INSTANCE;
    }

    /** The real clock. */
    final class SystemTime implements TimeSource {

        static final SystemTime INSTANCE = new SystemTime();

        private SystemTime() {
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            long millis = (duration.toNanos() + 999_999) / 1_000_000; // never 0 ms for a positive wait
            if (millis > 0) {
                Thread.sleep(millis);
            }
        }
    }
}
