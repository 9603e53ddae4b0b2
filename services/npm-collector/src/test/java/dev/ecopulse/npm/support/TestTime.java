package dev.ecopulse.npm.support;

import dev.ecopulse.collector.run.RunManager;
import dev.ecopulse.collector.run.RunStatus;
import dev.ecopulse.testsupport.VirtualTime;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/** Puts virtual time in place of the collector's clock: pacing and 429 waits of minutes pass in no time. */
public class TestTime {

    public static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    @Produces
    @Singleton
    VirtualTime time(RunManager runs) {
        VirtualTime time = new VirtualTime(START);
        time.activityFrom(() -> runs.current().map(RunStatus::activity).orElse(null));
        return time;
    }

    /** Forgets the recorded waits and moves past every pacing window, so each test starts with free slots. */
    public static void reset(VirtualTime time) {
        time.forgetPauses();
        time.advance(Duration.ofMinutes(2));
    }
}
