package dev.ecopulse.collector.client.http;

/** What asking an upstream about something gave: what was read, its absence (404), or a failure with the reason. */
public sealed interface Lookup<T> {

    /** The upstream answered; {@code value} holds what could be read from it (signals may still be missing). */
    record Found<T>(T value) implements Lookup<T> {
    }

    /** The upstream says the package does not exist (404). */
    record NotFound<T>(String reason) implements Lookup<T> {
    }

    /** No usable answer; {@code throttled} when the upstream kept answering 429. */
    record Failed<T>(String reason, boolean throttled) implements Lookup<T> {
    }
}
