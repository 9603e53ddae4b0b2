package dev.ecopulse.github;

import dev.ecopulse.collector.run.RunManager;
import dev.ecopulse.collector.run.RunStatus;
import dev.ecopulse.github.client.Sleeper;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Waits in virtual time: a sleep returns at once and moves the collector's clock forward by its length. Records each
 * wait with what the run said it was doing, so tests check how long the collector would have waited, and why.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VirtualTime extends Sleeper {

    /** One wait, and the run's activity while it lasted. */
    public record Pause(Duration duration, String activity) {
    }

    private final List<Pause> pauses = new CopyOnWriteArrayList<>();
    private final AtomicLong offsetMillis = new AtomicLong();
    private volatile Instant fixedStart;

    @Inject
    RunManager runs;

    @Override
    public Instant now() {
        Instant start = fixedStart;
        return (start != null ? start : Instant.now()).plusMillis(offsetMillis.get());
    }

    /** Stops the clock at {@code start}: from then on only waits move it. */
    public void fixAt(Instant start) {
        fixedStart = start;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        pauses.add(new Pause(duration, runs.current().map(RunStatus::activity).orElse(null)));
        offsetMillis.addAndGet(duration.toMillis());
    }

    public List<Pause> pauses() {
        return List.copyOf(pauses);
    }

    public void reset() {
        pauses.clear();
        offsetMillis.set(0);
        fixedStart = null;
    }
}
