package dev.ecopulse.contract.event;

import java.util.Objects;

/**
 * A signal that could not be collected: it is absent from the payload and named here with the reason, never sent as
 * a silent zero. {@code signal} is the field's path in the payload (e.g. {@code contributors},
 * {@code pypistats.lastDay}) or a whole group (e.g. {@code pypistats}).
 */
public record MissingSignal(String signal, String reason) {

    public MissingSignal {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(reason, "reason");
    }
}
