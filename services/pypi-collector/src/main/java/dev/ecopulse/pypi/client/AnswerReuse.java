package dev.ecopulse.pypi.client;

import dev.ecopulse.collector.client.http.Lookup;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers kept for a while and given again without asking, for an upstream that changes once a day and asks to be
 * fetched no more often (pypistats). Only answers (found or not found) are kept, never failures.
 */
public class AnswerReuse<T> {

    private record Kept<T>(Instant at, Lookup<T> answer) {
    }

    private final Duration reuseFor;
    private final Map<URI, Kept<T>> kept = new ConcurrentHashMap<>();

    public AnswerReuse(Duration reuseFor) {
        this.reuseFor = reuseFor;
    }

    /** The answer got from {@code uri} less than {@code reuseFor} before {@code now}, if any. */
    public Optional<Lookup<T>> get(URI uri, Instant now) {
        Kept<T> k = kept.get(uri);
        return k != null && now.isBefore(k.at().plus(reuseFor)) ? Optional.of(k.answer()) : Optional.empty();
    }

    public void put(URI uri, Instant at, Lookup<T> answer) {
        if (!(answer instanceof Lookup.Failed) && !reuseFor.isZero() && !reuseFor.isNegative()) {
            kept.put(uri, new Kept<>(at, answer));
        }
    }

    public void clear() {
        kept.clear();
    }
}
