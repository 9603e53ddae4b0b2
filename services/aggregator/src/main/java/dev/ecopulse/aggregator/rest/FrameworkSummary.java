package dev.ecopulse.aggregator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ecopulse.aggregator.service.ScoreQueries.FrameworkEntry;
import java.time.Instant;

/** A framework in the list: its maturity (0-100, higher is better), band, coverage and momentum in brief. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrameworkSummary(String id, String name, Double maturity, String band, double coverage,
        MomentumSummary momentum, int projects, Instant updatedAt) {

    static FrameworkSummary of(FrameworkEntry e) {
        return new FrameworkSummary(e.framework().id(), e.framework().name(), e.score().maturity().maturity(),
                e.score().maturity().band(), e.score().maturity().coverage(), MomentumSummary.of(e.score().momentum()),
                e.score().projectIds().size(), e.score().updatedAt());
    }
}
