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
        double v = Math.max(0, Math.min(raw, threshold));
        if (direction == Direction.LOWER_IS_BETTER) {
            v = threshold - v;
        }
        return scale == Scale.LOG ? Math.log1p(v) / Math.log1p(threshold) : v / threshold;
    }
}
