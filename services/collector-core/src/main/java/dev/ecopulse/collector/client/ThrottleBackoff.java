package dev.ecopulse.collector.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to do after an upstream answered 429: wait what its {@code Retry-After} says, else back off exponentially from a
 * first wait, then ask again. Bounded in the number of retries and in the length of one wait, so a run either continues
 * where it stopped or gives the signal up with a reason; it never hangs on a throttled upstream.
 */
public final class ThrottleBackoff {

    /** Either wait {@code delay} and ask again, or give up for {@code giveUpReason}. */
    public record Step(Duration delay, String giveUpReason) {

        public Step {
            if ((delay == null) == (giveUpReason == null)) {
                throw new IllegalArgumentException("exactly one of delay and giveUpReason");
            }
        }

        public boolean retry() {
            return delay != null;
        }
    }

    private final int maxRetries;
    private final Duration firstBackoff;
    private final Duration maxWait;
    private final Clock clock;

    /**
     * @param maxRetries how many 429s in a row one request may get and still be asked again
     * @param firstBackoff wait after the first 429 without a usable {@code Retry-After}; doubles each time after
     * @param maxWait longest single wait; a {@code Retry-After} beyond it gives up, a backoff is capped at it
     */
    public ThrottleBackoff(int maxRetries, Duration firstBackoff, Duration maxWait, Clock clock) {
        if (maxRetries < 0 || firstBackoff.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("retries and waits must not be negative");
        }
        this.maxRetries = maxRetries;
        this.firstBackoff = firstBackoff;
        this.maxWait = maxWait;
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param throttled how many 429s in a row this request has had, counting the one just received (1 or more)
     * @param retryAfter that answer's {@code Retry-After} header, null when absent
     */
    public Step next(int throttled, String retryAfter) {
        if (throttled > maxRetries) {
            return new Step(null, "answered 429 " + throttled + " times in a row");
        }
        Optional<Duration> asked = RetryAfter.parse(retryAfter, clock.instant());
        if (asked.isPresent()) {
            Duration wait = asked.get();
            return wait.compareTo(maxWait) > 0
                    ? new Step(null, "answered 429 asking to wait " + wait.toSeconds() + " s, longer than the "
                            + maxWait.toSeconds() + " s allowed")
                    : new Step(wait, null);
        }
        return new Step(backoff(throttled), null);
    }

    private Duration backoff(int throttled) {
        Duration wait = firstBackoff;
        for (int i = 1; i < throttled && wait.compareTo(maxWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
