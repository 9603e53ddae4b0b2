package dev.ecopulse.aggregator.scoring;

import java.util.Map;
import java.util.Optional;

/**
 * The signals derived for one project or framework: a reading for each one that had data, the reason for each one
 * that should have had data and did not ({@code missing}), and the reason for each one that cannot apply to it
 * ({@code notApplicable}, e.g. a PyPI signal for a project with no PyPI package). A signal is in at most one map.
 */
public record SignalSet(Map<Signal, Reading> readings, Map<Signal, String> missing,
        Map<Signal, String> notApplicable) {

    public SignalSet {
        readings = Map.copyOf(readings);
        missing = Map.copyOf(missing);
        notApplicable = Map.copyOf(notApplicable);
    }

    public SignalSet(Map<Signal, Reading> readings, Map<Signal, String> missing) {
        this(readings, missing, Map.of());
    }

    public Optional<Reading> reading(Signal signal) {
        return Optional.ofNullable(readings.get(signal));
    }

    public boolean applies(Signal signal) {
        return !notApplicable.containsKey(signal);
    }
}
