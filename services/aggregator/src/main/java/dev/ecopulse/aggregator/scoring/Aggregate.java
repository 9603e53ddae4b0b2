package dev.ecopulse.aggregator.scoring;

import java.util.Arrays;
import java.util.List;

/** How a framework's value of a signal is made from its projects' values. */
public enum Aggregate {
    SUM,
    MAX,
    MEDIAN,
    MEAN,
    /** Computed from facts about the framework's projects, not from one project signal. */
    ECOSYSTEM;

    double apply(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return switch (this) {
            case SUM -> Arrays.stream(v).sum();
            case MAX -> v[v.length - 1];
            case MEAN -> Arrays.stream(v).sum() / v.length;
            case MEDIAN -> v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            case ECOSYSTEM -> throw new IllegalStateException("ecosystem signals are not aggregated");
        };
    }
}
