package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.catalog.Project;
import java.time.Instant;
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
        // a value older than this before the newest data no longer counts: it is missing, with its last known value
        Instant freshFrom = dataTime == null ? null : dataTime.minus(methodology.staleAfter());
        Map<String, ProjectInputs> inputs = new LinkedHashMap<>();
        Map<String, ProjectEvidence> evidence = new LinkedHashMap<>();
        Map<String, SubjectScore> projects = new LinkedHashMap<>();
        MomentumCalculator.Result momentum = MomentumCalculator.evaluate(catalog, history, asOf, methodology);
        for (Project p : catalog.projects()) {
            ProjectInputs in = ProjectInputs.asOf(p, history, asOf, freshFrom);
            ProjectEvidence e = ProjectSignals.derive(in, methodology);
            inputs.put(p.id(), in);
            evidence.put(p.id(), e);
            projects.put(p.id(), new SubjectScore(p.id(), Level.PROJECT,
                    MaturityScorer.score(e.signals(), methodology.project(), methodology),
                    momentum.projects().get(p.id()), updatedAt(in), List.of(), Map.of()));
        }
        Map<String, SignalSet> frameworkSignals = new LinkedHashMap<>();
        Map<String, Instant> frameworkUpdated = new LinkedHashMap<>();
        for (Framework f : catalog.frameworks()) {
            List<Project> members = catalog.projectsOf(f.id());
            Map<String, ProjectEvidence> memberEvidence = new LinkedHashMap<>();
            Map<String, Double> attribution = new LinkedHashMap<>();
            members.forEach(p -> {
                memberEvidence.put(p.id(), evidence.get(p.id()));
                attribution.put(p.id(), p.share(f.id()));
            });
            FrameworkInputs own = FrameworkInputs.asOf(f, history, asOf, freshFrom);
            frameworkSignals.put(f.id(), FrameworkSignals.aggregate(memberEvidence, attribution, own));
            Instant updated = members.stream().map(p -> projects.get(p.id()).updatedAt()).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
            Instant ownUpdated = own.updatedAt().orElse(null);
            frameworkUpdated.put(f.id(), updated == null || (ownUpdated != null && ownUpdated.isAfter(updated))
                    ? ownUpdated : updated);
        }
        Map<String, Map<String, Share>> shares = Shares.of(catalog, evidence, frameworkSignals, inputs, history,
                methodology);
        Map<String, SubjectScore> frameworks = new LinkedHashMap<>();
        for (Framework f : catalog.frameworks()) {
            List<String> ids = catalog.projectsOf(f.id()).stream().map(Project::id).toList();
            frameworks.put(f.id(), new SubjectScore(f.id(), Level.FRAMEWORK,
                    MaturityScorer.score(frameworkSignals.get(f.id()), methodology.framework(), methodology),
                    momentum.frameworks().get(f.id()), frameworkUpdated.get(f.id()), ids, shares.get(f.id())));
        }
        return new Evaluation(dataTime, projects, frameworks);
    }

    private static Instant updatedAt(ProjectInputs in) {
        return in.inputs().stream().map(ProjectInputs.Input::point).flatMap(Optional::stream)
                .map(ObservedPoint::observedAt).max(Instant::compareTo).orElse(null);
    }
}
