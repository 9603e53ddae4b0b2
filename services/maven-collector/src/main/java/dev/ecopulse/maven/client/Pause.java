package dev.ecopulse.maven.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** How a client waits out a 429; tests replace it to check the wait without spending it. */
@ApplicationScoped
public class Pause {

    public void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
