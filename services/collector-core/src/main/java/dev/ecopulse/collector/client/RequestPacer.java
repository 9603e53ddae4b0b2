package dev.ecopulse.collector.client;

import dev.ecopulse.contract.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Keeps requests to one host under every one of its limits (e.g. 5 per second and 30 per minute) by making the caller
 * wait for a free slot. Limits are sliding windows, so no burst at a window edge can break them.
 */
public class RequestPacer {

    /** At most {@code requests} in any {@code window}. */
    public record Limit(int requests, Duration window) {
        public Limit {
            if (requests < 1 || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("a limit needs at least one request in a positive window");
            }
        }
    }

    private final List<Limit> limits;
    private final TimeSource time;
    private final Deque<Instant> sent = new ArrayDeque<>();
    private final int keep;

    public RequestPacer(List<Limit> limits, TimeSource time) {
        this.limits = List.copyOf(limits);
        this.time = time;
        this.keep = limits.stream().mapToInt(Limit::requests).max().orElse(1);
    }

    /** Waits until a request may be sent without breaking any limit, and counts it as sent. */
    public synchronized void acquire() throws InterruptedException {
        while (true) {
            Duration wait = waitNeeded(time.now());
            if (wait.isZero()) {
                sent.addLast(time.now());
                while (sent.size() > keep) {
                    sent.removeFirst();
                }
                return;
            }
            time.sleep(wait);
        }
    }

    private Duration waitNeeded(Instant now) {
        Duration longest = Duration.ZERO;
        for (Limit limit : limits) {
            if (sent.size() < limit.requests()) {
                continue;
            }
            // the request that must leave the window before another may enter it
            Instant oldestInWindow = sent.stream().skip(sent.size() - limit.requests()).findFirst().orElseThrow();
            Duration wait = Duration.between(now, oldestInWindow.plus(limit.window()));
            if (wait.compareTo(longest) > 0) {
                longest = wait;
            }
        }
        return longest;
    }
}
