package dev.ecopulse.aggregator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ecopulse.aggregator.scoring.MaturityScore;
import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.aggregator.scoring.Momentum;
import dev.ecopulse.aggregator.service.ScoreQueries.ProjectEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project: where it lives upstream, the latest observation of each of its subjects per source, and its maturity and
 * momentum with their full explanation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectDetail(String id, String name, List<String> frameworks, String github, List<String> pypi,
        List<String> maven, List<String> npm, String direction, String methodology, MaturityScore maturity, Momentum momentum,
        Map<String, List<ObservationView>> latest, Instant updatedAt) {

    static ProjectDetail of(ProjectEntry e, Methodology methodology) {
        Map<String, List<ObservationView>> latest = new LinkedHashMap<>();
        for (String source : List.of("github", "pypi", "maven", "npm")) {
            List<ObservationView> views = e.latest().stream().filter(o -> o.source().equals(source))
                    .map(ObservationView::of).toList();
            if (!views.isEmpty()) {
                latest.put(source, views);
            }
        }
        return new ProjectDetail(e.project().id(), e.project().name(), e.project().frameworks(),
                e.project().github(), e.project().pypi(), e.project().maven(), e.project().npm(),
                methodology.direction(),
                methodology.version(), e.score().maturity(), e.score().momentum(), latest, e.score().updatedAt());
    }
}
