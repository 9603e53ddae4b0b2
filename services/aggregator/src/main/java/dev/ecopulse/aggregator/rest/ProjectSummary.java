package dev.ecopulse.aggregator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ecopulse.aggregator.service.ScoreQueries.ProjectEntry;
import java.time.Instant;
import java.util.List;

/** A project in a list: its maturity (0-100, higher is better), band, coverage and momentum in brief. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectSummary(String id, String name, List<String> frameworks, Double maturity, String band,
        double coverage, MomentumSummary momentum, Instant updatedAt) {

    static ProjectSummary of(ProjectEntry e) {
        return new ProjectSummary(e.project().id(), e.project().name(), e.project().frameworks(),
                e.score().maturity().maturity(), e.score().maturity().band(), e.score().maturity().coverage(),
                MomentumSummary.of(e.score().momentum()), e.score().updatedAt());
    }
}
