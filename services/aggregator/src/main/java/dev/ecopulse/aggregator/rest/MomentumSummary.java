package dev.ecopulse.aggregator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ecopulse.aggregator.scoring.Momentum;

/** Momentum in brief: the 30- and 90-day indexes (growth in percent) and what they mean. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MomentumSummary(Double index30, Double index90, String trend30, String trend90) {

    static MomentumSummary of(Momentum m) {
        return new MomentumSummary(m.index30(), m.index90(), m.trend30(), m.trend90());
    }
}
