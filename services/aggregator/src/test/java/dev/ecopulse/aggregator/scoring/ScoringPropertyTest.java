package dev.ecopulse.aggregator.scoring;

import static dev.ecopulse.aggregator.TestObservations.github;
import static dev.ecopulse.aggregator.TestObservations.maven;
import static dev.ecopulse.aggregator.TestObservations.pypi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.aggregator.TestObservations;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Property: making any signal better (raising a bigger-is-better one, lowering a smaller-is-better one) never lowers
 * a score, for random signal sets and random observations. Seeded, so a failure can be replayed.
 */
class ScoringPropertyTest {

    static final long SEED = 20261128L;
    static final int TRIALS = 3000;
    static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");

    final Methodology methodology = MethodologyLoader.loadDefault();

    @Test
    void improvingAnySignalNeverLowersAProjectOrFrameworkScore() {
        Random random = new Random(SEED);
        for (Level level : Level.values()) {
            Methodology.Model model = methodology.model(level);
            List<Methodology.WeightedSignal> signals = model.signals().toList();
            for (int trial = 0; trial < TRIALS; trial++) {
                Map<Signal, Reading> readings = new EnumMap<>(Signal.class);
                Map<Signal, String> missing = new EnumMap<>(Signal.class);
                for (Methodology.WeightedSignal ws : signals) {
                    if (random.nextDouble() < 0.8) {
                        readings.put(ws.signal(), reading(randomValue(random, ws.threshold()), random));
                    } else {
                        missing.put(ws.signal(), "not collected");
                    }
                }
                if (readings.isEmpty()) {
                    continue;
                }
                List<Signal> present = new ArrayList<>(readings.keySet());
                Signal chosen = present.get(random.nextInt(present.size()));
                Reading before = readings.get(chosen);
                double step = randomValue(random, model.signal(chosen).orElseThrow().threshold());
                double better = chosen.direction() == Direction.HIGHER_IS_BETTER ? before.value() + step
                        : Math.max(0, before.value() - step);
                MaturityScore old = MaturityScorer.score(new SignalSet(readings, missing), model, methodology);
                readings.put(chosen, new Reading(better, before.sources(), before.observedAt(), before.share(),
                        before.notes()));
                MaturityScore improved = MaturityScorer.score(new SignalSet(readings, missing), model, methodology);
                assertThat(improved.maturity())
                        .as("%s %s %s: %s -> %s (trial %d)", level, chosen.id(), chosen.direction(), before.value(),
                                better, trial)
                        .isGreaterThanOrEqualTo(old.maturity());
                assertThat(improved.range().low()).isGreaterThanOrEqualTo(old.range().low());
            }
        }
    }

    @Test
    void losingASignalNeverRaisesTheScoreAndTheRangeStillHoldsTheFullScore() {
        Random random = new Random(SEED + 2);
        for (Level level : Level.values()) {
            Methodology.Model model = methodology.model(level);
            for (int trial = 0; trial < TRIALS; trial++) {
                Map<Signal, Reading> readings = new EnumMap<>(Signal.class);
                for (Methodology.WeightedSignal ws : model.signals().toList()) {
                    readings.put(ws.signal(), new Reading(randomValue(random, ws.threshold()), List.of("test"), AT, 1,
                            List.of()));
                }
                MaturityScore full = MaturityScorer.score(new SignalSet(readings, Map.of()), model, methodology);
                Map<Signal, String> missing = new EnumMap<>(Signal.class);
                for (Signal s : List.copyOf(readings.keySet())) {
                    if (random.nextInt(3) == 0) {
                        readings.remove(s);
                        missing.put(s, "collection failed");
                    }
                }
                MaturityScore partial = MaturityScorer.score(new SignalSet(readings, missing), model, methodology);
                if (partial.maturity() == null) {
                    continue;
                }
                assertThat(partial.maturity()).as("%s trial %d", level, trial).isLessThanOrEqualTo(full.maturity());
                assertThat(partial.range().high()).as("%s trial %d", level, trial)
                        .isGreaterThanOrEqualTo(full.maturity() - 0.01);
            }
        }
    }

    @Test
    void raisingAnObservedCountNeverLowersTheProjectOrItsFramework() {
        // downloads are also the adoption weights of the framework's medians and means: more installs of a project
        // rightly give its (possibly worse) release habits more say there, so only the project is checked for them
        Random random = new Random(SEED + 1);
        Catalog catalog = new Catalog("test", List.of(new Framework("alpha", "Alpha", null)), List.of(
                new Project("a1", "A1", List.of("alpha"), "org/a1", List.of("a1"), List.of("org.a1:a1")),
                new Project("a2", "A2", List.of("alpha"), "org/a2", List.of("a2", "a2-extra"), List.of()),
                new Project("a3", "A3", List.of("alpha"), "org/a3", List.of(), List.of("org.a3:a3"))));
        List<Consumer<TestObservations.Github>> githubRaises = List.of(
                g -> g.stars += 1 + random.nextInt(50_000), g -> g.forks += 1 + random.nextInt(5_000),
                g -> g.watchers += 1 + random.nextInt(500), 
                g -> g.contributors = g.contributors == null ? null : g.contributors + 1 + random.nextInt(500),
                g -> g.commitsLast90Days += 1 + random.nextInt(500),
                g -> g.issuesClosedLast90Days += 1 + random.nextInt(500),
                g -> g.releasesLast365Days += 1 + random.nextInt(10),
                g -> g.createdAt = g.createdAt.minus(Duration.ofDays(1 + random.nextInt(2000))));
        List<Consumer<TestObservations.Pypi>> pypiRaises = List.of(
                p -> p.last30Days += 1 + random.nextInt(5_000_000),
                p -> p.dependentsDirect += 1 + random.nextInt(5_000),
                p -> p.releaseCount += 1 + random.nextInt(30),
                p -> p.daysSinceLatestRelease = Math.max(0, p.daysSinceLatestRelease - random.nextInt(30)));
        for (int trial = 0; trial < 300; trial++) {
            long seed = random.nextLong();
            int which = random.nextInt(githubRaises.size() + pypiRaises.size());
            String project = "a" + (1 + random.nextInt(2));
            Evaluation before = Scoring.evaluate(catalog, methodology, Fixtures.history(observations(seed, null,
                    null, project)), AT);
            Evaluation after = Scoring.evaluate(catalog, methodology, Fixtures.history(observations(seed,
                    which < githubRaises.size() ? githubRaises.get(which) : null,
                    which < githubRaises.size() ? null : pypiRaises.get(which - githubRaises.size()), project)), AT);
            assertThat(after.projects().get(project).maturity().maturity()).as("trial %d, change %d", trial, which)
                    .isGreaterThanOrEqualTo(before.projects().get(project).maturity().maturity());
            if (which != githubRaises.size()) {
                assertThat(after.frameworks().get("alpha").maturity().maturity()).as("trial %d, change %d", trial,
                        which).isGreaterThanOrEqualTo(before.frameworks().get("alpha").maturity().maturity());
            }
        }
    }

    /** Random but reproducible observations of the three projects; the change applies to {@code changed}. */
    static List<Observation> observations(long seed, Consumer<TestObservations.Github> githubChange,
            Consumer<TestObservations.Pypi> pypiChange, String changed) {
        Random r = new Random(seed);
        List<Observation> all = new ArrayList<>();
        for (String id : List.of("a1", "a2", "a3")) {
            var g = github(id, "org/" + id, AT);
            g.stars = (long) r.nextInt(200_000);
            g.forks = (long) r.nextInt(40_000);
            g.watchers = (long) r.nextInt(4_000);
            g.contributors = r.nextInt(5) == 0 ? null : (long) r.nextInt(4_000);
            g.commitsLast90Days = (long) r.nextInt(3_000);
            g.issuesClosedLast90Days = (long) r.nextInt(3_000);
            g.releasesLast365Days = (long) r.nextInt(30);
            g.sincePush = Duration.ofDays(r.nextInt(400));
            g.sinceRelease = Duration.ofDays(r.nextInt(400));
            if (id.equals(changed) && githubChange != null) {
                githubChange.accept(g);
            }
            all.add(g.build());
            for (String pkg : id.equals("a1") ? List.of("a1") : id.equals("a2") ? List.of("a2", "a2-extra")
                    : List.<String>of()) {
                var p = pypi(id, pkg, AT);
                p.last30Days = (long) r.nextInt(40_000_000);
                p.dependentsDirect = (long) r.nextInt(30_000);
                p.releaseCount = 1L + r.nextInt(200);
                p.yankedReleases = (long) r.nextInt((int) Math.min(p.releaseCount, 5) + 1);
                p.daysSinceLatestRelease = (long) r.nextInt(500);
                if (id.equals(changed) && pypiChange != null && pkg.equals(id)) {
                    pypiChange.accept(p);
                }
                all.add(p.build());
            }
            if (!id.equals("a2")) {
                all.add(maven(id, "org." + id + ":" + id, AT).build());
            }
        }
        return all;
    }

    static double randomValue(Random random, double threshold) {
        // spread over orders of magnitude, sometimes beyond the threshold
        return random.nextInt(10) == 0 ? 0 : Math.pow(random.nextDouble(), 3) * threshold * 2;
    }

    static Reading reading(double value, Random random) {
        return new Reading(value, List.of("test"), AT, random.nextInt(4) == 0 ? random.nextDouble() : 1, List.of());
    }
}
