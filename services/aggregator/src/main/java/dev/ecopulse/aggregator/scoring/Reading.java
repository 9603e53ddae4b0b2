package dev.ecopulse.aggregator.scoring;

import java.time.Instant;
import java.util.List;

/**
 * A signal's raw value for a project or framework, where it came from and when, and how much of the expected data it
 * rests on ({@code share}: 1 when every expected input had it). {@code notes} say what was partial.
 */
public record Reading(double value, List<String> sources, Instant observedAt, double share, List<String> notes) {

    public Reading {
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
    }
}
