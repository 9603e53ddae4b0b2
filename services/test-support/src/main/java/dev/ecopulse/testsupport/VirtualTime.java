package dev.ecopulse.testsupport;

import dev.ecopulse.contract.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Virtual time, the one test fake of {@link TimeSource}: a sleep returns at once and moves the clock forward by its
 * length. Each wait is recorded with what the caller said it was doing then, so tests check how long the code would
 * have waited, and why.
 */
public class VirtualTime implements TimeSource {

    /** One wait, and the activity reported while it lasted (null when none was). */
    public record Pause(Duration duration, String activity) {
    }

    private final List<Pause> pauses = new CopyOnWriteArrayList<>();
    private volatile Instant start;
    private volatile Duration offset = Duration.ZERO;
    private volatile Supplier<String> activity = () -> null;

    /** Starts at {@code start}; only waits move it. */
    public VirtualTime(Instant start) {
        this.start = start;
    }

    @Override
    public synchronized Instant now() {
        return start.plus(offset);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (duration.isNegative()) {
            duration = Duration.ZERO;
        }
        pauses.add(new Pause(duration, activity.get()));
        synchronized (this) {
            offset = offset.plus(duration);
        }
    }

    /** Where the activity recorded with each wait comes from, e.g. the running run's status. */
    public void activityFrom(Supplier<String> source) {
        this.activity = source == null ? () -> null : source;
    }

    /** Restarts the clock at {@code instant}. */
    public synchronized void fixAt(Instant instant) {
        start = instant;
        offset = Duration.ZERO;
    }

    /** Moves the clock forward without recording a wait, e.g. past every pacing window between tests. */
    public synchronized void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public List<Pause> pauses() {
        return List.copyOf(pauses);
    }

    /** The waits whose activity contains {@code text}. */
    public List<Duration> waitsWhile(String text) {
        return pauses.stream().filter(p -> p.activity() != null && p.activity().contains(text)).map(Pause::duration)
                .toList();
    }

    public List<Duration> sleeps() {
        return pauses.stream().map(Pause::duration).toList();
    }

    public void forgetPauses() {
        pauses.clear();
    }
}
