package dev.ecopulse.maven.testing;

import dev.ecopulse.collector.run.RunManager;
import dev.ecopulse.collector.run.RunStatus;
import dev.ecopulse.testsupport.VirtualTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Virtual time in place of the collector's clock: waits for 429s are recorded, not spent. */
@ApplicationScoped
public class TestTime {

    @Produces
    @Singleton
    VirtualTime time(RunManager runs) {
        VirtualTime time = new VirtualTime(Instant.now());
        time.activityFrom(() -> runs.current().map(RunStatus::activity).orElse(null));
        return time;
    }
}
