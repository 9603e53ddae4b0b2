package dev.ecopulse.aggregator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ecopulse.aggregator.scoring.MaturityScore;
import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.aggregator.scoring.Momentum;
import dev.ecopulse.aggregator.scoring.Share;
import dev.ecopulse.aggregator.service.ScoreQueries.FrameworkEntry;
import dev.ecopulse.aggregator.service.ScoreQueries.ProjectEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A framework's full explanation: maturity by dimension and signal, its share of each catalog-wide flow, momentum by
 * signal, and its projects.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrameworkDetail(String id, String name, String homepage, String direction, String methodology,
        MaturityScore maturity, Map<String, Share> shares, Momentum momentum, List<ProjectSummary> projects,
        Instant updatedAt) {

    static FrameworkDetail of(FrameworkEntry e, List<ProjectEntry> projects, Methodology methodology) {
        return new FrameworkDetail(e.framework().id(), e.framework().name(), e.framework().homepage(),
                methodology.direction(), methodology.version(), e.score().maturity(), e.score().shares(),
                e.score().momentum(),
                projects.stream().map(ProjectSummary::of).toList(), e.score().updatedAt());
    }
}
