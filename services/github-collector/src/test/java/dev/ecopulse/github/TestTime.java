package dev.ecopulse.github;

import dev.ecopulse.collector.run.RunManager;
import dev.ecopulse.collector.run.RunStatus;
import dev.ecopulse.testsupport.VirtualTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Virtual time in place of the collector's clock, recording each wait with what the run said it was doing, so tests
 * check how long the collector would have waited, and why.
 */
@ApplicationScoped
public class TestTime {

    @Produces
    @Singleton
    VirtualTime time(RunManager runs) {
        VirtualTime time = new VirtualTime(Instant.now());
        time.activityFrom(() -> runs.current().map(RunStatus::activity).orElse(null));
        return time;
    }

    /** Forgets the recorded waits and sets the clock to the real time again. */
    public static void reset(VirtualTime time) {
        time.forgetPauses();
        time.fixAt(Instant.now());
    }
}
