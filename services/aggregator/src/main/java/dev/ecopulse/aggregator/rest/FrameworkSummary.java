package dev.ecopulse.aggregator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ecopulse.aggregator.service.ScoreQueries.FrameworkEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A framework in the list: its maturity (0-100, higher is better), band, coverage, momentum in brief and its share (in
 * percent) of each catalog-wide flow.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrameworkSummary(String id, String name, Double maturity, String band, double coverage,
        MomentumSummary momentum, Map<String, Double> shares, int projects, Instant updatedAt) {

    static FrameworkSummary of(FrameworkEntry e) {
        Map<String, Double> shares = new LinkedHashMap<>();
        e.score().shares().forEach((measure, share) -> shares.put(measure, share.percent()));
        return new FrameworkSummary(e.framework().id(), e.framework().name(), e.score().maturity().maturity(),
                e.score().maturity().band(), e.score().maturity().coverage(), MomentumSummary.of(e.score().momentum()),
                shares, e.score().projectIds().size(), e.score().updatedAt());
    }
}
