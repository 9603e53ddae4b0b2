package dev.ecopulse.aggregator.scoring;

import static dev.ecopulse.aggregator.TestObservations.github;
import static dev.ecopulse.aggregator.TestObservations.pypi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ecopulse.aggregator.scoring.MaturityScore.DimensionScore;
import dev.ecopulse.aggregator.scoring.MaturityScore.Gap;
import dev.ecopulse.aggregator.scoring.MaturityScore.SignalScore;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.catalog.Project;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scores worked out by hand from the formula in docs/scoring.md. */
class ScoringGoldenTest {

    static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");

    static final String METHODOLOGY = """
            version: golden
            minimumCoverage: 0.5
            staleAfter: P14D
            activeWithinDays: 180
            deploymentTopics: []
            bands: [{name: High, min: 60}, {name: Low, min: 0}]
            project:
              - dimension: adoption
                signals:
                  - {signal: stars, weight: 2, threshold: 1000}
                  - {signal: downloads30d, weight: 1, threshold: 100}
              - dimension: activity
                signals:
                  - {signal: daysSinceRelease, weight: 1, threshold: 100, scale: linear}
            framework:
              - dimension: adoption
                signals:
                  - {signal: stars, weight: 1, threshold: 1000}
                  - {signal: contributors, weight: 1, threshold: 100, scale: linear}
            momentum:
              historyTolerance: P7D
              minimumCoverage: 0.8
              steadyWithin: {days30: 0.05, days90: 0.1}
              growthCap: 1.0
              signals: [{signal: stars, weight: 1}, {signal: downloads, weight: 1}]
            """;

    static final Catalog CATALOG = new Catalog("test", List.of(new Framework("alpha", "Alpha", null)), List.of(
            new Project("a1", "A1", List.of("alpha"), "org/a1", List.of(), List.of()),
            new Project("a2", "A2", List.of("alpha"), "org/a2", List.of(), List.of())));

    final Methodology methodology = Fixtures.methodology(METHODOLOGY);

    @Test
    void aSignalThatCannotApplyIsLeftOutOfTheScoreAndTheCoverage() {
        var a1 = github("a1", "org/a1", AT).stars(99);
        a1.sinceRelease = Duration.ofDays(25);
        Evaluation e = Scoring.evaluate(CATALOG, methodology, Fixtures.history(List.of(a1.build())), AT);
        MaturityScore score = e.projects().get("a1").maturity();

        // stars: log(1 + 99) / log(1 + 1000) = 0.666570; days since release 25 of 100, inverted: 0.75
        // downloads cannot apply (no PyPI package): maturity = 100 * (2 * 0.666570 + 1 * 0.75) / (2 + 1) = 69.44
        assertThat(score.maturity()).isEqualTo(69.44);
        assertThat(score.band()).isEqualTo("High");
        assertThat(score.coverage()).isEqualTo(1.0);
        assertThat(score.range()).isEqualTo(new MaturityScore.Range(69.44, 69.44));

        SignalScore stars = signal(score, "stars");
        assertThat(stars.raw()).isEqualTo(99.0);
        assertThat(stars.normalised()).isEqualTo(0.6666);
        assertThat(stars.sources()).containsExactly("github org/a1 stars");
        assertThat(stars.observedAt()).isEqualTo(AT);
        // 100 * 2 * 0.666570 / 3 = 44.438; rounded contributions add up to the score (44.44 + 25.00)
        assertThat(stars.contribution()).isEqualTo(44.44);
        assertThat(signal(score, "daysSinceRelease").contribution()).isEqualTo(25.0);
        SignalScore downloads = signal(score, "downloads30d");
        assertThat(downloads.status()).isEqualTo("not applicable");
        assertThat(downloads.note()).isEqualTo(
                "no PyPI package in the catalog (Maven Central publishes no download counts)");
        assertThat(downloads.contribution()).isNull();
        assertThat(dimension(score, "adoption").score()).isEqualTo(66.66);
        assertThat(dimension(score, "adoption").weight()).isEqualTo(2.0);
        assertThat(dimension(score, "activity").score()).isEqualTo(75.0);
        assertThat(score.gaps()).isEmpty();
    }

    @Test
    void aMissingSignalCountsZeroSoTheScoreCanOnlyGoDown() {
        var a1 = github("a1", "org/a1", AT).stars(99).withoutLatestRelease("release list unavailable (HTTP 502)");
        Evaluation e = Scoring.evaluate(CATALOG, methodology, Fixtures.history(List.of(a1.build())), AT);
        MaturityScore score = e.projects().get("a1").maturity();

        // days since release is expected (the repository has releases) but not reported: n = 0 for it
        // maturity = 100 * (2 * 0.666570 + 0) / 3 = 44.44; coverage 2 / 3; range.high counts it at 1: 77.77
        assertThat(score.maturity()).isEqualTo(44.44);
        assertThat(score.coverage()).isEqualTo(0.6667);
        assertThat(score.range()).isEqualTo(new MaturityScore.Range(44.44, 77.77));
        assertThat(signal(score, "daysSinceRelease").status()).isEqualTo(Gap.MISSING);
        assertThat(signal(score, "daysSinceRelease").contribution()).isEqualTo(0.0);
        assertThat(score.gaps()).extracting(Gap::signal, Gap::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("daysSinceRelease", Gap.MISSING));
    }

    @Test
    void frameworkSumsItsProjectsAndAProjectWithoutASignalLowersCoverage() {
        var a1 = github("a1", "org/a1", AT).stars(99).contributors(30);
        var a2 = github("a2", "org/a2", AT).stars(900).withoutContributors("contributor list too large to compute");
        Evaluation e = Scoring.evaluate(CATALOG, methodology, Fixtures.history(List.of(a1.build(), a2.build())), AT);
        MaturityScore score = e.frameworks().get("alpha").maturity();

        // stars: 99 + 900 = 999 -> log(1000) / log(1001) = 0.999855; contributors: 30 (a1 only) / 100 = 0.3
        // maturity = 100 * (0.999855 + 0.3) / 2 = 64.993 -> 64.99; contributions 49.99 + 15.00
        assertThat(score.maturity()).isEqualTo(64.99);
        assertThat(signal(score, "stars").raw()).isEqualTo(999.0);
        assertThat(signal(score, "stars").contribution()).isEqualTo(49.99);
        assertThat(signal(score, "contributors").contribution()).isEqualTo(15.0);
        // contributors rest on half the projects: coverage = (1 * 1 + 1 * 0.5) / 2
        assertThat(score.coverage()).isEqualTo(0.75);
        assertThat(signal(score, "contributors").dataShare()).isEqualTo(0.5);
        assertThat(score.gaps()).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(Gap.PARTIAL);
            assertThat(g.reason()).contains("a2: github org/a2: contributors missing (contributor list too large");
        });
    }

    @Test
    void aSmallerIsBetterSignalIsInvertedBeforeTheLogScale() {
        // days since push 30 against 180: log(1 + 150) / log(1 + 180) = 0.965140
        assertThat(Normalisation.normalise(30, 180, Direction.LOWER_IS_BETTER, Scale.LOG))
                .isCloseTo(0.965140, within(1e-6));
        assertThat(Normalisation.normalise(500, 180, Direction.LOWER_IS_BETTER, Scale.LOG)).isZero();
        assertThat(Normalisation.normalise(5_000_000, 1000, Direction.HIGHER_IS_BETTER, Scale.LOG)).isEqualTo(1.0);
        assertThat(Normalisation.normalise(0.25, 1, Direction.LOWER_IS_BETTER, Scale.LINEAR)).isEqualTo(0.75);
    }

    @Test
    void aProjectWithoutAnyObservationHasNoScoreAndSaysSo() {
        Evaluation e = Scoring.evaluate(CATALOG, methodology, HistorySnapshot.empty(), AT);
        MaturityScore score = e.projects().get("a2").maturity();
        assertThat(score.maturity()).isNull();
        assertThat(score.band()).isEqualTo(Methodology.NO_DATA);
        assertThat(score.coverage()).isZero();
        assertThat(score.gaps()).extracting(Gap::reason).contains("no observation of github org/a2 yet");
    }

    @Test
    void belowTheMinimumCoverageTheBandSaysInsufficientDataAndAtItTheScoreHasItsBand() {
        Catalog catalog = new Catalog("test", List.of(new Framework("alpha", "Alpha", null)), List.of(
                new Project("a1", "A1", List.of("alpha"), "org/a1", List.of("a1"), List.of()),
                new Project("a2", "A2", List.of("alpha"), null, List.of("a2"), List.of())));
        // a1: only downloads (weight 1 of 4) have data; stars (2) and days since release (1) are missing
        var a1 = pypi("a1", "a1", AT).downloads(100, 50);
        a1.daysSinceLatestRelease = null;
        // a2: no repository, so stars cannot apply: downloads have data, days since release (1 of 2) is missing
        var a2 = pypi("a2", "a2", AT).downloads(100, 50);
        a2.daysSinceLatestRelease = null;
        Evaluation e = Scoring.evaluate(catalog, methodology, Fixtures.history(List.of(a1.build(), a2.build())), AT);

        MaturityScore below = e.projects().get("a1").maturity();
        assertThat(below.maturity()).isEqualTo(25.0);
        assertThat(below.coverage()).isEqualTo(0.25);
        assertThat(below.band()).isEqualTo(Methodology.INSUFFICIENT_DATA);
        assertThat(below.range()).isEqualTo(new MaturityScore.Range(25.0, 100.0));
        MaturityScore atTheMinimum = e.projects().get("a2").maturity();
        assertThat(atTheMinimum.maturity()).isEqualTo(50.0);
        assertThat(atTheMinimum.coverage()).isEqualTo(0.5);
        assertThat(atTheMinimum.band()).isEqualTo("Low");
    }

    @Test
    void aValueTheLatestObservationLacksIsCarriedForwardAsStaleAndTheScoreDoesNotMove() {
        // the same UTC day: the day keeps its complete observation beside the later failed one
        Instant earlier = AT.minus(Duration.ofHours(6));
        var good = github("a1", "org/a1", earlier).stars(99);
        var failed = github("a1", "org/a1", AT).stars(99).withoutContributors("HTTP 502 from GitHub");
        var goodAgain = github("a1", "org/a1", AT).stars(99);
        Evaluation before = Scoring.evaluate(CATALOG, methodology, Fixtures.history(List.of(good.build())), AT);
        Evaluation after = Scoring.evaluate(CATALOG, methodology, Fixtures.history(List.of(good.build(),
                failed.build())), AT);
        Evaluation complete = Scoring.evaluate(CATALOG, methodology, Fixtures.history(List.of(goodAgain.build())),
                AT);

        assertThat(after.frameworks().get("alpha").maturity().maturity())
                .isEqualTo(before.frameworks().get("alpha").maturity().maturity());
        SignalScore contributors = signal(after.frameworks().get("alpha").maturity(), "contributors");
        assertThat(contributors.status()).isEqualTo(Gap.STALE);
        assertThat(contributors.raw()).isEqualTo(signal(complete.frameworks().get("alpha").maturity(),
                "contributors").raw());
        assertThat(contributors.observedAt()).isEqualTo(earlier);
        assertThat(after.frameworks().get("alpha").maturity().gaps()).extracting(Gap::kind).contains(Gap.STALE);
    }

    @Test
    void aValueOlderThanStaleAfterIsMissingWithItsLastKnownValue() {
        Instant old = AT.minus(Duration.ofDays(20));
        Evaluation e = Scoring.evaluate(CATALOG, methodology, Fixtures.history(List.of(
                github("a1", "org/a1", old).stars(99).build(), github("a2", "org/a2", AT).build())), AT);
        MaturityScore a1 = e.projects().get("a1").maturity();
        assertThat(a1.maturity()).isNull();
        assertThat(a1.gaps()).filteredOn(g -> g.signal().equals("stars")).singleElement()
                .satisfies(g -> {
                    assertThat(g.kind()).isEqualTo(Gap.MISSING);
                    assertThat(g.reason()).contains("last known 99.0 from " + old);
                });
        assertThat(e.projects().get("a2").maturity().gaps()).isEmpty();
    }

    static SignalScore signal(MaturityScore score, String id) {
        return score.dimensions().stream().flatMap(d -> d.signals().stream()).filter(s -> s.signal().equals(id))
                .findFirst().orElseThrow();
    }

    static DimensionScore dimension(MaturityScore score, String id) {
        return score.dimensions().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }
}
