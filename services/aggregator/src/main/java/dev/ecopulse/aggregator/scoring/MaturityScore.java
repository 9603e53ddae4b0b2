package dev.ecopulse.aggregator.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A maturity score with its full explanation: the score (0-100, higher is better, null without any data), its band,
 * coverage (share of the weight that had data), the range the missing signals leave open, each dimension with each
 * signal, and every gap. Contributions are in hundredths of a point and add up exactly to the score.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaturityScore(
        Double maturity,
        String band,
        double coverage,
        Range range,
        List<DimensionScore> dimensions,
        List<Gap> gaps) {

    public MaturityScore {
        dimensions = List.copyOf(dimensions);
        gaps = List.copyOf(gaps);
    }

    /**
     * The lowest and highest the score could be: low is the score itself (missing signals count 0), high counts each
     * missing signal at its threshold and each partial one with its missing parts at their last known values.
     */
    public record Range(double low, double high) {
    }

    /** A dimension's own score (its signals alone), weight, contribution to the maturity and coverage. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DimensionScore(String id, String description, Double score, double weight, double contribution,
            double coverage, List<SignalScore> signals) {

        public DimensionScore {
            signals = List.copyOf(signals);
        }
    }

    /**
     * One signal of a score: its raw value, where and when it was observed, its threshold and scale, its normalised
     * value (0-1), weight and contribution (score points); raw and normalised are absent when missing or not
     * applicable. {@code status}: ok, partial, stale, missing or not applicable; {@code note} says why.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SignalScore(
            String signal,
            String unit,
            String direction,
            Double raw,
            List<String> sources,
            Instant observedAt,
            double threshold,
            String scale,
            Double normalised,
            double weight,
            Double contribution,
            double dataShare,
            String status,
            String note) {

        public SignalScore {
            sources = List.copyOf(sources);
        }
    }

    /** A signal that is missing, partial or stale, and why. */
    public record Gap(String signal, String kind, String reason) {

        public static final String MISSING = "missing";
        public static final String PARTIAL = "partial";
        public static final String STALE = "stale";
        public static final String NOT_APPLICABLE = "not applicable";
    }
}
