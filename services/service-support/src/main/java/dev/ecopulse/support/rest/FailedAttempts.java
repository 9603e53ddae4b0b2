package dev.ecopulse.support.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing of an admin key (the {@code X-Api-Key} of administrative endpoints), per client: after {@link #FREE_FAILURES} wrong or missing keys in a row, the
 * client must wait before its next try, 1 s at first, doubling with each further failure up to {@link #MAX_WAIT}.
 * A right key clears the client's count. Clients not seen for a while are forgotten, so the table stays small.
 */
public final class FailedAttempts {

    public static final int FREE_FAILURES = 5;
    public static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    public static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    private static final int MAX_CLIENTS = 10_000;

    private record Failures(int count, Instant last, Instant waitUntil) {
    }

    private final Map<String, Failures> clients = new ConcurrentHashMap<>();
    private final InstantSource clock;

    public FailedAttempts(InstantSource clock) {
        this.clock = clock;
    }

    /** How long the client must still wait before it may try a key, if it must. */
    public Optional<Duration> waitFor(String client) {
        Failures f = clients.get(client);
        Instant now = clock.instant();
        if (f == null || !now.isBefore(f.waitUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.waitUntil()));
    }

    public void failed(String client) {
        Instant now = clock.instant();
        if (clients.size() >= MAX_CLIENTS) {
            clients.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        }
        clients.compute(client, (c, f) -> {
            int count = f == null || f.last().plus(FORGET_AFTER).isBefore(now) ? 1 : f.count() + 1;
            return new Failures(count, now, now.plus(wait(count)));
        });
    }

    public void succeeded(String client) {
        clients.remove(client);
    }

    /** The wait imposed after the {@code count}-th failure in a row. */
    public static Duration wait(int count) {
        if (count < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - FREE_FAILURES, 20);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
