package dev.ecopulse.aggregator.scoring;

import java.util.Map;
import java.util.Optional;

/**
 * The signals derived for one project or framework: a reading for each one that had data, and the reason for each
 * one that did not. A signal is in exactly one of the two maps.
 */
public record SignalSet(Map<Signal, Reading> readings, Map<Signal, String> missing) {

    public SignalSet {
        readings = Map.copyOf(readings);
        missing = Map.copyOf(missing);
    }

    public Optional<Reading> reading(Signal signal) {
        return Optional.ofNullable(readings.get(signal));
    }
}
