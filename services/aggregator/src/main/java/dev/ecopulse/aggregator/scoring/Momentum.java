package dev.ecopulse.aggregator.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Where a project or framework is heading: growth of each momentum signal over 30 and 90 days, in percent, and the
 * weighted index of those growths. A window without data says why: "not enough history yet" until the stored
 * history reaches back far enough, or "unavailable" when there is no data at all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Momentum(Double index30, Double index90, String trend30, String trend90, List<Growth> signals) {

    public static final String GROWING = "growing";
    public static final String STEADY = "steady";
    public static final String DECLINING = "declining";
    public static final String NOT_ENOUGH_HISTORY = "not enough history yet";
    public static final String UNAVAILABLE = "unavailable";
    public static final String OK = "ok";

    public Momentum {
        signals = List.copyOf(signals);
    }

    /** One momentum signal over both windows. */
    public record Growth(String signal, String basis, double weight, Window days30, Window days90) {
    }

    /**
     * One window: the level now and at the window's start, when each was observed, and the growth in percent; or
     * the status and a note saying why there is no growth.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Window(String status, Double now, Double before, Instant nowObservedAt, Instant beforeObservedAt,
            Double growthPercent, String note) {

        static Window without(String status, String note) {
            return new Window(status, null, null, null, null, null, note);
        }
    }
}
