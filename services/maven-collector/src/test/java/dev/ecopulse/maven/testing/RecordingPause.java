package dev.ecopulse.maven.testing;

import dev.ecopulse.maven.client.Pause;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every wait asked for and returns at once, so 429 handling is checked without spending the wait. */
public class RecordingPause extends Pause {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }

    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
