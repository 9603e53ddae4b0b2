package dev.ecopulse.pypi.support;

import dev.ecopulse.pypi.client.WaitClock;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Virtual time for tests: it starts at {@link #START} and moves only when the collector waits, so pacing and 429
 * waits of minutes pass in no time and are recorded for assertions.
 */
@Alternative
@Priority(1)
@Singleton
public class VirtualWaitClock extends WaitClock {

    public static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    /** A wait for an upstream that asked to slow down. */
    public record ThrottleWait(String upstream, Duration duration, String why) {
    }

    private Instant now = START;
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<ThrottleWait> throttleWaits = new ArrayList<>();
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };

    public VirtualWaitClock(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    @Override
    public void waitOut(String upstream, Duration duration, String why) throws InterruptedException {
        synchronized (this) {
            throttleWaits.add(new ThrottleWait(upstream, duration, why));
        }
        super.waitOut(upstream, duration, why);
    }

    public synchronized Instant now() {
        return now;
    }

    /** Forgets the recorded waits and moves past every pacing window, so each test starts with free slots. */
    public synchronized void reset() {
        sleeps.clear();
        throttleWaits.clear();
        now = now.plus(Duration.ofMinutes(2));
    }

    /** Every wait: pacing, retries and throttle waits. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public synchronized List<ThrottleWait> throttleWaits() {
        return List.copyOf(throttleWaits);
    }
}
