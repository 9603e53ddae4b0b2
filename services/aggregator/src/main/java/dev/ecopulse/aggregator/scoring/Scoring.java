package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.catalog.Project;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scoring as one pure function of the stored observations, the catalog and the methodology: the same observations,
 * in whatever order they arrived and however often, give the same scores.
 */
public final class Scoring {

    private Scoring() {
    }

    /** Scores every project and framework with the observations made at or before {@code asOf}. */
    public static Evaluation evaluate(Catalog catalog, Methodology methodology, HistorySnapshot history,
            Instant asOf) {
        Instant dataTime = history.dataTime(asOf).orElse(null);
        Map<String, ProjectEvidence> evidence = new LinkedHashMap<>();
        Map<String, SubjectScore> projects = new LinkedHashMap<>();
        for (Project p : catalog.projects()) {
            ProjectInputs in = ProjectInputs.asOf(p, history, asOf);
            ProjectEvidence e = ProjectSignals.derive(in, methodology);
            evidence.put(p.id(), e);
            projects.put(p.id(), new SubjectScore(p.id(), Level.PROJECT,
                    MaturityScorer.score(e.signals(), methodology.project(), methodology, dataTime),
                    MomentumCalculator.project(in, history, methodology), updatedAt(in), List.of()));
        }
        Map<String, SubjectScore> frameworks = new LinkedHashMap<>();
        for (Framework f : catalog.frameworks()) {
            List<String> ids = catalog.projectsOf(f.id()).stream().map(Project::id).toList();
            Map<String, ProjectEvidence> members = new LinkedHashMap<>();
            ids.forEach(id -> members.put(id, evidence.get(id)));
            List<Momentum> momenta = new ArrayList<>();
            ids.forEach(id -> momenta.add(projects.get(id).momentum()));
            Instant updated = ids.stream().map(id -> projects.get(id).updatedAt()).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
            frameworks.put(f.id(), new SubjectScore(f.id(), Level.FRAMEWORK,
                    MaturityScorer.score(FrameworkSignals.aggregate(members), methodology.framework(), methodology,
                            dataTime),
                    MomentumCalculator.framework(momenta, methodology), updated, ids));
        }
        return new Evaluation(dataTime, projects, frameworks);
    }

    private static Instant updatedAt(ProjectInputs in) {
        return in.inputs().stream().map(ProjectInputs.Input::point).flatMap(Optional::stream)
                .map(ObservedPoint::observedAt).max(Instant::compareTo).orElse(null);
    }
}
