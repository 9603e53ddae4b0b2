package dev.ecopulse.aggregator.scoring;

import java.time.Instant;
import java.util.List;

/**
 * A signal's raw value for a project or framework, where it came from and when, and how much of the expected data it
 * rests on ({@code share}: 1 when every expected input had it). {@code notes} say what was partial or carried
 * forward. {@code stale}: part of the value is an earlier observation's, carried forward because the latest lacked it.
 * {@code best}: the value if every missing part were at its last known value (null when some part has none), which
 * bounds the score's range from above.
 */
public record Reading(double value, List<String> sources, Instant observedAt, double share, List<String> notes,
        boolean stale, Double best) {

    public Reading {
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
    }

    /** A fresh reading: nothing carried forward, and complete unless {@code share} says otherwise. */
    public Reading(double value, List<String> sources, Instant observedAt, double share, List<String> notes) {
        this(value, sources, observedAt, share, notes, false, share >= 1 ? value : null);
    }
}
