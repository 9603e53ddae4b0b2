package dev.ecopulse.collector.client;

import java.util.Objects;
import java.util.Optional;

/** What an upstream lookup gave: a value, or the reason there is none (to be listed as a missing signal). */
public record Fetched<T>(T value, String missingReason) {

    public Fetched {
        if ((value == null) == (missingReason == null)) {
            throw new IllegalArgumentException("exactly one of value and missingReason");
        }
    }

    public static <T> Fetched<T> of(T value) {
        return new Fetched<>(Objects.requireNonNull(value), null);
    }

    public static <T> Fetched<T> missing(String reason) {
        return new Fetched<>(null, Objects.requireNonNull(reason));
    }

    public Optional<T> asOptional() {
        return Optional.ofNullable(value);
    }
}
