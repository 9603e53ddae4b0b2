package dev.ecopulse.github.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * How the collector tells the time and waits (for a rate-limit reset, a {@code retry-after}). One bean, so tests can
 * replace it with virtual time and check how long the collector would have waited.
 */
@ApplicationScoped
public class Sleeper {

    public Instant now() {
        return Instant.now();
    }

    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis());
        }
    }
}
