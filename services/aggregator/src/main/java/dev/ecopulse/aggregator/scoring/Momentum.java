package dev.ecopulse.aggregator.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a project or framework is heading, over 30 and 90 days, from flows only. {@code index} is its own growth
 * (weighted over the signals compared, as a percent); {@code shareIndex} is the growth of its share of the
 * catalog-wide flows (percent of the share, not points), and the trend follows it: a change that moves the whole
 * catalog (seasonality, an upstream's change of counting) moves no share. A window without data says why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Momentum(Double index30, Double index90, Double shareIndex30, Double shareIndex90, String trend30,
        String trend90, List<Growth> signals) {

    public static final String GROWING = "growing";
    public static final String STEADY = "steady";
    public static final String DECLINING = "declining";
    public static final String NOT_ENOUGH_HISTORY = "not enough history yet";
    public static final String INCOMPLETE = "incomplete";
    public static final String UNAVAILABLE = "unavailable";
    public static final String NOT_APPLICABLE = "not applicable";
    public static final String OK = "ok";

    public Momentum {
        signals = List.copyOf(signals);
    }

    /** One momentum signal over both windows. */
    public record Growth(String signal, String basis, double weight, Window days30, Window days90) {
    }

    /**
     * One window and the one before it, ending (exclusive) on {@code end}: the counts, the growth (percent, and the
     * log ratio it comes from), the share of the catalog-wide flow in each window and its change in points, whether
     * the signal counts in the index (every framework compared has it), and a note; or the status and why not.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Window(String status, Double now, Double before, LocalDate end, Double growthPercent,
            Double logRatio, Double sharePercent, Double sharePercentBefore, Double shareChangePoints,
            Boolean inIndex, String note) {

        static Window without(String status, String note) {
            return new Window(status, null, null, null, null, null, null, null, null, false, note);
        }

        Window leftOut(String why) {
            return new Window(status, now, before, end, growthPercent, logRatio, sharePercent, sharePercentBefore,
                    shareChangePoints, false, note == null ? why : note + "; " + why);
        }
    }
}
