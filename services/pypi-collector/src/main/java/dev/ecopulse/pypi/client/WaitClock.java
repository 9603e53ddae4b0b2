package dev.ecopulse.pypi.client;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The collector's time: when an observation is made, and how it waits, for a free request slot (pacing, routine and
 * quiet) or for an upstream that asked it to slow down (429: logged, metered, shown as the run's activity). Tests
 * replace it with virtual time, so long waits are asserted without being spent.
 */
@Singleton
public class WaitClock {

    private static final Logger LOG = Logger.getLogger(WaitClock.class);

    private final MeterRegistry registry;
    private volatile Consumer<String> listener = activity -> {
    };

    public WaitClock(MeterRegistry registry) {
        this.registry = registry;
    }

    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Waits for a request slot. */
    public void sleep(Duration duration) throws InterruptedException {
        long millis = (duration.toNanos() + 999_999) / 1_000_000; // never 0 ms for a positive wait
        if (millis > 0) {
            TimeUnit.MILLISECONDS.sleep(millis);
        }
    }

    /** Waits out an upstream that asked to slow down; {@code why} says which and how it asked. */
    public void waitOut(String upstream, Duration duration, String why) throws InterruptedException {
        LOG.infof("%s; waiting %d s before asking again", why, duration.toSeconds());
        registry.timer("ecopulse.collector.upstream.throttle.waits", "source", "pypi", "upstream",
                upstream.toLowerCase(Locale.ROOT)).record(duration);
        listener.accept("waiting " + duration.toSeconds() + " s: " + why);
        try {
            sleep(duration);
        } finally {
            listener.accept(null);
        }
    }

    /** Who hears about throttle waits (the running run's activity); {@code null} when a wait ends. */
    public void onWait(Consumer<String> listener) {
        this.listener = listener == null ? activity -> {
        } : listener;
    }
}
