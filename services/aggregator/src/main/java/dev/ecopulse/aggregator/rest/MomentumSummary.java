package dev.ecopulse.aggregator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ecopulse.aggregator.scoring.Momentum;

/**
 * Momentum in brief: own growth over 30 and 90 days (percent), the growth of the share of the catalog-wide flows
 * (percent of the share) and the trends, which follow the share.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MomentumSummary(Double index30, Double index90, Double shareIndex30, Double shareIndex90,
        String trend30, String trend90) {

    static MomentumSummary of(Momentum m) {
        return new MomentumSummary(m.index30(), m.index90(), m.shareIndex30(), m.shareIndex90(), m.trend30(),
                m.trend90());
    }
}
