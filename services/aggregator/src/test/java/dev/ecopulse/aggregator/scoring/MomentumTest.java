package dev.ecopulse.aggregator.scoring;

import static dev.ecopulse.aggregator.TestObservations.github;
import static dev.ecopulse.aggregator.TestObservations.pypi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ecopulse.aggregator.scoring.Momentum.Growth;
import dev.ecopulse.aggregator.service.FlowStore;
import dev.ecopulse.aggregator.service.ObservationHistory;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of momentum v2, each on the smallest history that shows it. */
class MomentumTest {

    static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");
    static final LocalDate END = LocalDate.parse("2026-11-29");
    static final Catalog CATALOG = new Catalog("test", List.of(new Framework("alpha", "Alpha", null),
            new Framework("beta", "Beta", null)), List.of(
                    new Project("a1", "A1", List.of("alpha"), "org/a1", List.of("a1"), List.of()),
                    new Project("b1", "B1", List.of("beta"), "org/b1", List.of("b1"), List.of())));

    final Methodology methodology = MethodologyLoader.loadDefault();

    /** Daily downloads of a package: {@code perDay(i)} on the day i days before END (1 = the last day). */
    static List<Flow> daily(int days, java.util.function.IntToLongFunction perDay) {
        List<Flow> flows = new ArrayList<>();
        for (int i = 1; i <= days; i++) {
            flows.add(new Flow("downloads", END.minusDays(i), END.minusDays(i - 1), perDay.applyAsLong(i)));
        }
        return flows;
    }

    /** Observations, and daily downloads flows by package (each package is its own project's). */
    static HistorySnapshot history(Map<String, List<Flow>> downloadsByPackage, List<Observation> observations) {
        FlowStore flows = new FlowStore();
        downloadsByPackage.forEach((pkg, f) -> flows.add(new SubjectKey(pkg, ObservationSource.PYPI, pkg), f));
        ObservationHistory history = new ObservationHistory(flows);
        observations.forEach(o -> history.add(Fixtures.point(o)));
        return history.snapshot();
    }

    MomentumCalculator.Result evaluate(HistorySnapshot history) {
        return MomentumCalculator.evaluate(CATALOG, history, AT, methodology);
    }

    @Test
    void growthIsTheLogRatioOfTheLastWindowToTheOneBeforeAndIsSymmetric() {
        // a1 doubles (100 a day, then 200), b1 halves (200, then 100)
        var e = evaluate(history(Map.of("a1", daily(180, i -> i <= 30 ? 200 : 100),
                "b1", daily(180, i -> i <= 30 ? 100 : 200)), List.of()));

        Momentum.Window up = growth(e.projects().get("a1"), "downloads").days30();
        Momentum.Window down = growth(e.projects().get("b1"), "downloads").days30();
        assertThat(up.now()).isEqualTo(6000.0);
        assertThat(up.before()).isEqualTo(3000.0);
        assertThat(up.logRatio()).isCloseTo(Math.log(2), within(1e-3));
        assertThat(down.logRatio()).isCloseTo(-up.logRatio(), within(1e-4));
        assertThat(up.growthPercent()).isCloseTo(100.0, within(0.05));
        assertThat(down.growthPercent()).isCloseTo(-50.0, within(0.05));
        assertThat(up.end()).isEqualTo(END);
    }

    @Test
    void aMissingPypistatsDayIsUnknownNotZeroSoItMakesNoGrowth() {
        // flat 100 a day, but pypistats lost two days of the last window
        List<Flow> flows = daily(180, i -> 100);
        flows.removeIf(f -> f.from().equals(END.minusDays(3)) || f.from().equals(END.minusDays(10)));
        var e = evaluate(history(Map.of("a1", flows, "b1", daily(180, i -> 100)), List.of()));

        Momentum.Window w = growth(e.projects().get("a1"), "downloads").days30();
        assertThat(w.status()).isEqualTo(Momentum.OK);
        assertThat(w.now()).isEqualTo(3000.0);
        assertThat(w.growthPercent()).isEqualTo(0.0);
        assertThat(w.note()).contains("scaled from 28 and 30 known days");
    }

    @Test
    void aPackageYoungerThanTheWindowsIsLeftOutNotCountedAsGrowth() {
        // b1 only exists for the last 40 days: its 30-day "before" window is mostly unknown, the 90-day ones too
        var e = evaluate(history(Map.of("a1", daily(180, i -> 100), "b1", daily(40, i -> 50)), List.of()));

        Momentum.Window young30 = growth(e.projects().get("b1"), "downloads").days30();
        Momentum.Window young90 = growth(e.projects().get("b1"), "downloads").days90();
        assertThat(young30.status()).isEqualTo(Momentum.INCOMPLETE);
        assertThat(young30.note()).contains("younger than the windows");
        assertThat(young90.status()).isEqualTo(Momentum.INCOMPLETE);
        assertThat(young30.growthPercent()).isNull();
        // and the catalog total is a1 alone, in both windows: a1's share does not move
        Momentum.Window a1 = growth(e.projects().get("a1"), "downloads").days30();
        assertThat(a1.sharePercent()).isEqualTo(100.0);
        assertThat(a1.shareChangePoints()).isEqualTo(0.0);
    }

    @Test
    void aStockThatOnlyStandsStillIsNoGrowthHoweverBig() {
        // a1 has 100,000 stars and gains 300 a month; b1 has 50 and gains 300 a month too
        List<Observation> obs = new ArrayList<>();
        for (int back = 0; back <= 60; back += 30) {
            Instant t = AT.minus(Duration.ofDays(back));
            obs.add(github("a1", "org/a1", t).stars(100_000 - 10L * back).build());
            obs.add(github("b1", "org/b1", t).stars(650 - 10L * back).build());
        }
        var e = evaluate(history(Map.of(), obs));

        Momentum.Window big = growth(e.projects().get("a1"), "stars").days30();
        Momentum.Window small = growth(e.projects().get("b1"), "stars").days30();
        assertThat(big.now()).isEqualTo(300.0);
        assertThat(big.before()).isEqualTo(300.0);
        assertThat(big.growthPercent()).isEqualTo(0.0);
        assertThat(small.growthPercent()).isEqualTo(0.0);
        // 90 days needs observations 180 days back
        assertThat(growth(e.projects().get("a1"), "stars").days90().status()).isEqualTo(Momentum.NOT_ENOUGH_HISTORY);
    }

    @Test
    void frameworksAreComparedOnTheSameSignalsAndALackingOneIsNamed() {
        // both have downloads; only alpha has commit windows (b1's repository was never observed)
        var g = github("a1", "org/a1", AT);
        g.commitsLast90Days = 300L;
        g.commitsPrevious90Days = 100L;
        var e = evaluate(history(Map.of("a1", daily(180, i -> 100), "b1", daily(180, i -> 100)),
                List.of(g.build())));

        Momentum alpha = e.frameworks().get("alpha");
        Momentum.Window commits = growth(alpha, "commits").days90();
        assertThat(commits.status()).isEqualTo(Momentum.OK);
        assertThat(commits.inIndex()).isFalse();
        assertThat(commits.note()).contains("left out of the index: beta lacks it");
        // so alpha's index is its downloads alone, like beta's: flat
        assertThat(alpha.index90()).isEqualTo(0.0);
        assertThat(e.frameworks().get("beta").index90()).isEqualTo(0.0);
        // a project is not compared with others: its commits count for itself
        assertThat(e.projects().get("a1").index90()).isGreaterThan(0.0);
    }

    @Test
    void theTrendFollowsTheShareSoAWholeCatalogJumpIsNoGrowth() {
        // every package triples in the last 30 days (the upstream changed how it counts); a1 keeps 60 % of the total
        var e = evaluate(history(Map.of("a1", daily(180, i -> i <= 30 ? 600 : 200),
                "b1", daily(180, i -> i <= 30 ? 400 : 400 / 3)), List.of()));

        Momentum alpha = e.frameworks().get("alpha");
        assertThat(alpha.index30()).isGreaterThan(150.0);
        assertThat(growth(alpha, "downloads").days30().shareChangePoints()).isCloseTo(0.0, within(0.2));
        assertThat(alpha.trend30()).isEqualTo(Momentum.STEADY);
    }

    @Test
    void windowTotalsOfTheLatestObservationServeUntilSeriesArrive() {
        var p = pypi("a1", "a1", AT).downloads(3_000_000, 2_000_000);
        var q = pypi("b1", "b1", AT).downloads(1_000_000, 1_000_000);
        var e = evaluate(Fixtures.history(List.of(p.build(), q.build())));

        Momentum.Window w = growth(e.projects().get("a1"), "downloads").days30();
        assertThat(w.growthPercent()).isEqualTo(50.0);
        assertThat(w.note()).contains("from the latest observation's window totals");
        assertThat(e.frameworks().get("alpha").trend30()).isEqualTo(Momentum.GROWING);
        assertThat(e.frameworks().get("beta").trend30()).isEqualTo(Momentum.DECLINING);
    }

    @Test
    void aFallToZeroIsAFiniteDeclineSoSparseCountsStayInTheComparison() {
        // releases, in 30-day windows: a1 had 3 in the window before and none in the last; b1 one in each
        FlowStore flows = new FlowStore();
        flows.add(new SubjectKey("a1", ObservationSource.GITHUB, "org/a1"), List.of(
                new Flow("releases", END.minusDays(30), END, 0), new Flow("releases", END.minusDays(60),
                        END.minusDays(30), 3)));
        flows.add(new SubjectKey("b1", ObservationSource.GITHUB, "org/b1"), List.of(
                new Flow("releases", END.minusDays(30), END, 1), new Flow("releases", END.minusDays(60),
                        END.minusDays(30), 1)));
        var e = evaluate(new ObservationHistory(flows).snapshot());

        Momentum.Window alpha = growth(e.frameworks().get("alpha"), "releases").days30();
        assertThat(alpha.logRatio()).isCloseTo(-Math.log(4), within(1e-4));
        assertThat(alpha.growthPercent()).isEqualTo(-75.0);
        assertThat(alpha.inIndex()).isTrue();
        assertThat(e.frameworks().get("alpha").trend30()).isEqualTo(Momentum.DECLINING);
        assertThat(e.frameworks().get("beta").trend30()).isEqualTo(Momentum.GROWING);
        assertThat(MomentumCalculator.logRatio(0, 0)).isZero();
    }

    @Test
    void currentScoresAskedAtTheEndOfTimeEndTheirWindowsAtTheNewestData() {
        HistorySnapshot h = history(Map.of("a1", daily(180, i -> i <= 30 ? 200 : 100), "b1", daily(180, i -> 100)),
                List.of());
        Momentum now = MomentumCalculator.evaluate(CATALOG, h, Instant.parse("9999-12-31T23:59:59Z"), methodology)
                .frameworks().get("alpha");

        assertThat(now).isEqualTo(evaluate(h).frameworks().get("alpha"));
        assertThat(growth(now, "downloads").days30().end()).isEqualTo(END);
        assertThat(now.trend30()).isEqualTo(Momentum.GROWING);
    }

    @Test
    void aSubjectWhoseFlowsStoppedIsLeftOutAgainstTheSignalsNewestEnd() {
        List<Flow> stopped = daily(200, i -> 100);
        stopped.removeIf(f -> f.to().isAfter(END.minusDays(20)));
        var e = evaluate(history(Map.of("a1", daily(180, i -> 100), "b1", stopped), List.of()));

        Momentum.Window b1 = growth(e.projects().get("b1"), "downloads").days30();
        assertThat(b1.status()).isEqualTo(Momentum.UNAVAILABLE);
        assertThat(b1.note()).contains("more than 7 days before the catalog's newest (" + END + ")");
        assertThat(growth(e.projects().get("a1"), "downloads").days30().sharePercent()).isEqualTo(100.0);
    }

    @Test
    void flowsOfASignalThatAllEndEarlierStillCountTheirOwnWindows() {
        // fixed sample files: every package's daily downloads end weeks before the commit windows do
        LocalDate early = END.minusDays(33);
        List<Flow> a1 = new ArrayList<>();
        List<Flow> b1 = new ArrayList<>();
        for (int i = 1; i <= 180; i++) {
            a1.add(new Flow("downloads", early.minusDays(i), early.minusDays(i - 1), i <= 30 ? 200 : 100));
            b1.add(new Flow("downloads", early.minusDays(i), early.minusDays(i - 1), 100));
        }
        var g = github("a1", "org/a1", AT);
        g.commitsLast90Days = 100L;
        g.commitsPrevious90Days = 100L;
        var e = evaluate(history(Map.of("a1", a1, "b1", b1), List.of(g.build())));

        Momentum.Window w = growth(e.frameworks().get("alpha"), "downloads").days30();
        assertThat(w.end()).isEqualTo(early);
        assertThat(w.growthPercent()).isCloseTo(100.0, within(0.05));
        assertThat(e.frameworks().get("alpha").trend30()).isEqualTo(Momentum.GROWING);
    }

    static Growth growth(Momentum m, String signal) {
        return m.signals().stream().filter(g -> g.signal().equals(signal)).findFirst().orElseThrow();
    }
}
