package dev.ecopulse.aggregator.scoring;

/** Turns a raw signal value into a value between 0 and 1 against its threshold, as criticality_score does. */
public final class Normalisation {

    private Normalisation() {
    }

    /**
     * The value is clamped to [0, T]; a smaller-is-better value is inverted (T - v); then scaled: log(1 + v) /
     * log(1 + T), or v / T.
     */
    public static double normalise(double raw, double threshold, Direction direction, Scale scale) {
        return normalise(raw, 0, threshold, direction, scale);
    }

    /**
     * With a floor F (log scale only): {@code (log(1 + v) - log(1 + F)) / (log(1 + T) - log(1 + F))}, 0 at or below
     * the floor. A floor spreads the scale over the range where the compared values actually lie (an ecosystem with
     * 10,000 downloads a month is no ecosystem), so a 3x adoption gap between two large ecosystems is not squeezed
     * into a few hundredths. F = 0 is criticality_score's formula.
     */
    public static double normalise(double raw, double floor, double threshold, Direction direction, Scale scale) {
        double v = Math.max(0, Math.min(raw, threshold));
        if (direction == Direction.LOWER_IS_BETTER) {
            v = threshold - v;
        }
        if (scale == Scale.LINEAR) {
            return v / threshold;
        }
        return Math.max(0, (Math.log1p(v) - Math.log1p(floor)) / (Math.log1p(threshold) - Math.log1p(floor)));
    }
}
