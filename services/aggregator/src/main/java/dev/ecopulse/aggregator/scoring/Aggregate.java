package dev.ecopulse.aggregator.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a framework's value of a signal is made from its projects' values. Sums count each project by its attribution
 * share; medians and means weigh each project by its adoption, so a tiny satellite does not get the vote of the core.
 */
public enum Aggregate {
    SUM,
    MAX,
    MEDIAN,
    MEAN,
    /** Computed from facts about the framework's projects, not from one project signal. */
    ECOSYSTEM,
    /** Observed for the framework as a whole (model hub, questions, research), not made from its projects. */
    OBSERVED;

    /** Unweighted: every value counts once. */
    double apply(List<Double> values) {
        return apply(values, values.stream().map(v -> 1.0).toList());
    }

    /** {@code weights} in the order of {@code values}; a sum multiplies each value by its weight. */
    double apply(List<Double> values, List<Double> weights) {
        double totalWeight = weights.stream().mapToDouble(Double::doubleValue).sum();
        return switch (this) {
            case SUM -> weightedSum(values, weights);
            case MAX -> values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            case MEAN -> weightedSum(values, weights) / totalWeight;
            case MEDIAN -> weightedMedian(values, weights, totalWeight);
            case ECOSYSTEM, OBSERVED -> throw new IllegalStateException(this + " signals are not aggregated");
        };
    }

    private static double weightedSum(List<Double> values, List<Double> weights) {
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += values.get(i) * weights.get(i);
        }
        return sum;
    }

    /**
     * The value at half the total weight, in value order; when half falls exactly between two values, their mean (so
     * equal weights give the ordinary median).
     */
    private static double weightedMedian(List<Double> values, List<Double> weights, double total) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(values::get));
        double half = total / 2;
        double cumulative = 0;
        for (int k = 0; k < order.size(); k++) {
            cumulative += weights.get(order.get(k));
            if (Math.abs(cumulative - half) <= 1e-9 * Math.max(1, total) && k + 1 < order.size()) {
                return (values.get(order.get(k)) + values.get(order.get(k + 1))) / 2;
            }
            if (cumulative > half) {
                return values.get(order.get(k));
            }
        }
        return values.get(order.get(order.size() - 1));
    }
}
