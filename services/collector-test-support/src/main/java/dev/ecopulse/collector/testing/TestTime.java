package dev.ecopulse.collector.testing;

import dev.ecopulse.collector.run.RunManager;
import dev.ecopulse.collector.run.RunStatus;
import dev.ecopulse.testsupport.VirtualTime;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Puts virtual time in place of the collector's clock in every {@code @QuarkusTest}: pacing and 429 waits of minutes
 * pass in no time, each recorded with what the run said it was doing.
 */
public class TestTime {

    public static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    /**
     * Where the clock starts: an ISO instant, or {@code now} for tests whose upstream stubs speak in real epoch seconds
     * (rate-limit resets) or dates relative to the real day. Unset, the clock starts at {@link #START}.
     */
    public static final String START_PROPERTY = "ecopulse.test.clock-start";

    @Produces
    @Singleton
    VirtualTime time(RunManager runs) {
        VirtualTime time = new VirtualTime(start());
        time.activityFrom(() -> runs.current().map(RunStatus::activity).orElse(null));
        return time;
    }

    /** Forgets the recorded waits and moves past every pacing window, so each test starts with free slots. */
    public static void reset(VirtualTime time) {
        time.forgetPauses();
        time.advance(Duration.ofMinutes(2));
    }

    /** Forgets the recorded waits and sets the clock to the real time again, for clocks started {@code now}. */
    public static void resetToNow(VirtualTime time) {
        time.forgetPauses();
        time.fixAt(Instant.now());
    }

    private static Instant start() {
        return ConfigProvider.getConfig().getOptionalValue(START_PROPERTY, String.class)
                .map(s -> s.equals("now") ? Instant.now() : Instant.parse(s))
                .orElse(START);
    }
}
