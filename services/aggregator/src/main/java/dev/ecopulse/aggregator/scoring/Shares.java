package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SubjectStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each framework's share of the catalog-wide total of the flows that say how much an ecosystem is used and worked
 * on. A project counts once in the total and by its attribution share in each of its frameworks, so the shares of
 * all frameworks add up to 100 %. Pure.
 */
public final class Shares {

    /** The measures shares are taken of, in the order they are shown. */
    public static final List<String> MEASURES = List.of(Signal.DOWNLOADS_30D.id(), Signal.DEPENDENTS.id(),
            Signal.COMMITS_90D.id(), Signal.CONTRIBUTORS.id(), "starsGained90d", Signal.HUB_MODELS.id(),
            Signal.TOP_MODELS_EXCLUSIVE.id(), Signal.QUESTIONS_30D.id(), Signal.WORKS_365D.id(),
            Signal.NPM_DOWNLOADS_30D.id());

    static final Duration STARS_WINDOW = Duration.ofDays(90);

    private Shares() {
    }

    /** Framework id → measure → share. */
    static Map<String, Map<String, Share>> of(Catalog catalog, Map<String, ProjectEvidence> evidence,
            Map<String, SignalSet> frameworkSignals, Map<String, ProjectInputs> inputs, HistorySnapshot history,
            Methodology methodology) {
        Map<String, Map<String, Optional<Double>>> values = new LinkedHashMap<>();
        for (Project p : catalog.projects()) {
            Map<String, Optional<Double>> v = new LinkedHashMap<>();
            for (String measure : MEASURES) {
                if (observed(measure)) {
                    continue;
                }
                Optional<Double> value = measure.equals("starsGained90d")
                        ? starsGained(inputs.get(p.id()), history, methodology)
                        : Signal.fromId(measure).flatMap(s -> evidence.get(p.id()).signals().reading(s))
                                .map(Reading::value);
                boolean applies = measure.equals("starsGained90d") ? p.githubRepository().isPresent()
                        : Signal.fromId(measure).map(s -> evidence.get(p.id()).signals().applies(s)).orElse(false);
                if (applies) {
                    v.put(measure, value);
                }
            }
            values.put(p.id(), v);
        }
        Map<String, Map<String, Share>> shares = new LinkedHashMap<>();
        for (Framework f : catalog.frameworks()) {
            Map<String, Share> byMeasure = new LinkedHashMap<>();
            for (String measure : MEASURES) {
                byMeasure.put(measure, observed(measure) ? observedShare(catalog, f.id(), Signal.fromId(measure)
                        .orElseThrow(), frameworkSignals) : share(catalog, f.id(), measure, values));
            }
            shares.put(f.id(), byMeasure);
        }
        return shares;
    }

    /** Whether a measure is observed for each framework as a whole rather than summed over its projects. */
    static boolean observed(String measure) {
        return Signal.fromId(measure).map(s -> s.aggregate() == Aggregate.OBSERVED).orElse(false);
    }

    /**
     * A framework-level measure's share: the framework's value over the sum of every framework's. The catalog gives
     * each tag to one framework, but one model or paper can carry the tags or names of two: the total is then a sum
     * of counts, not of distinct things, which the methodology says.
     */
    private static Share observedShare(Catalog catalog, String framework, Signal signal,
            Map<String, SignalSet> frameworkSignals) {
        SignalSet own = frameworkSignals.get(framework);
        if (!own.applies(signal)) {
            return new Share(null, 0, own.notApplicable().get(signal));
        }
        double total = 0;
        List<String> without = new ArrayList<>();
        for (Framework f : catalog.frameworks()) {
            SignalSet s = frameworkSignals.get(f.id());
            if (!s.applies(signal)) {
                continue;
            }
            Optional<Reading> r = s.reading(signal);
            if (r.isPresent()) {
                total += r.get().value();
            } else {
                without.add(f.id());
            }
        }
        String note = without.isEmpty() ? null : "frameworks without a value yet: " + String.join(", ", without);
        Optional<Reading> mine = own.reading(signal);
        if (mine.isEmpty()) {
            return new Share(null, 0, own.missing().get(signal));
        }
        if (total <= 0) {
            return new Share(null, 1, "the catalog counts 0 of it");
        }
        return new Share(MaturityScorer.round(100 * mine.get().value() / total, 2),
                MaturityScorer.round(mine.get().share(), 4), note);
    }

    private static Share share(Catalog catalog, String framework, String measure,
            Map<String, Map<String, Optional<Double>>> values) {
        double total = 0;
        for (Map<String, Optional<Double>> v : values.values()) {
            total += v.getOrDefault(measure, Optional.empty()).orElse(0.0);
        }
        double mine = 0;
        double applicable = 0;
        double present = 0;
        List<String> without = new ArrayList<>();
        for (Project p : catalog.projectsOf(framework)) {
            Map<String, Optional<Double>> v = values.get(p.id());
            if (!v.containsKey(measure)) {
                continue;
            }
            double attribution = p.share(framework);
            applicable += attribution;
            if (v.get(measure).isPresent()) {
                mine += attribution * v.get(measure).get();
                present += attribution;
            } else {
                without.add(p.id());
            }
        }
        String note = without.isEmpty() ? null : "without a value yet: " + String.join(", ", without);
        if (applicable == 0) {
            return new Share(null, 0, "no project of the framework can have it");
        }
        if (total <= 0) {
            return new Share(null, present / applicable, note == null ? "the catalog has no data for it yet"
                    : note);
        }
        return new Share(MaturityScorer.round(100 * mine / total, 2), MaturityScorer.round(present / applicable, 4),
                note);
    }

    /** Stars gained over 90 days by the project's repository, from stored history; empty without enough history. */
    private static Optional<Double> starsGained(ProjectInputs in, HistorySnapshot history, Methodology methodology) {
        double gained = 0;
        boolean any = false;
        for (ProjectInputs.Input i : in.of(ObservationSource.GITHUB)) {
            if (i.point().isEmpty() || !(i.point().get().payload() instanceof GithubObservation now)
                    || now.status() == SubjectStatus.NOT_FOUND || now.stars() == null) {
                return Optional.empty();
            }
            var start = i.point().get().observedAt().minus(STARS_WINDOW);
            Optional<Long> before = history.atOrBefore(i.key(), start)
                    .filter(b -> !b.observedAt().isBefore(start.minus(methodology.momentum().historyTolerance())))
                    .map(ObservedPoint::payload).filter(GithubObservation.class::isInstance)
                    .map(b -> ((GithubObservation) b).stars());
            if (before.isEmpty() || before.get() == null) {
                return Optional.empty();
            }
            gained += Math.max(0, now.stars() - before.get());
            any = true;
        }
        return any ? Optional.of(gained) : Optional.empty();
    }
}
