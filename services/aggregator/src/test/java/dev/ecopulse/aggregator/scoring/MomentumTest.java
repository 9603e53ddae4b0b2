package dev.ecopulse.aggregator.scoring;

import static dev.ecopulse.aggregator.TestObservations.github;
import static dev.ecopulse.aggregator.TestObservations.pypi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.aggregator.scoring.Momentum.Growth;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.catalog.Project;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Momentum from upstream series from the first collection, and from stored history once it reaches back. */
class MomentumTest {

    static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");
    static final Catalog CATALOG = new Catalog("test", List.of(new Framework("alpha", "Alpha", null)), List.of(
            new Project("a1", "A1", List.of("alpha"), "org/a1", List.of("a1"), List.of()),
            new Project("a2", "A2", List.of("alpha"), "org/a2", List.of("a2"), List.of())));

    final Methodology methodology = MethodologyLoader.loadDefault();

    @Test
    void downloadAndCommitGrowthIsThereFromTheFirstCollection() {
        var p = pypi("a1", "a1", AT).downloads(2_300_000, 2_000_000);
        var g = github("a1", "org/a1", AT);
        g.commitsLast90Days = 180L;
        g.commitsPrevious90Days = 150L;
        Momentum m = Scoring.evaluate(CATALOG, methodology, Fixtures.history(List.of(p.build(), g.build())), AT)
                .projects().get("a1").momentum();

        assertThat(growth(m, "downloads").days30().growthPercent()).isEqualTo(15.0);
        assertThat(growth(m, "downloads").days90().growthPercent()).isEqualTo(10.0);
        assertThat(growth(m, "commits").days90().growthPercent()).isEqualTo(20.0);
        assertThat(growth(m, "commits").days30().status()).isEqualTo(Momentum.UNAVAILABLE);
        assertThat(growth(m, "stars").days30().status()).isEqualTo(Momentum.NOT_ENOUGH_HISTORY);
        assertThat(growth(m, "stars").days30().note()).contains("not enough history yet").contains("2026-12-28");
        // index over the windows with data, by weight: 30 days: downloads only; 90 days: (3 * 10 + 2 * 20) / 5
        assertThat(m.index30()).isEqualTo(15.0);
        assertThat(m.index90()).isEqualTo(14.0);
        assertThat(m.trend30()).isEqualTo(Momentum.GROWING);
    }

    @Test
    void starGrowthComesFromTheStoredObservationThirtyDaysBefore() {
        Instant monthAgo = AT.minus(Duration.ofDays(31));
        var history = Fixtures.history(List.of(
                github("a1", "org/a1", monthAgo).stars(10_000).build(),
                github("a1", "org/a1", AT).stars(11_000).build(),
                github("a2", "org/a2", monthAgo).stars(1_000).build(), github("a2", "org/a2", AT).stars(900).build()));
        Evaluation e = Scoring.evaluate(CATALOG, methodology, history, AT);

        Momentum.Window a1 = growth(e.projects().get("a1").momentum(), "stars").days30();
        assertThat(a1.status()).isEqualTo(Momentum.OK);
        assertThat(a1.growthPercent()).isEqualTo(10.0);
        assertThat(a1.beforeObservedAt()).isEqualTo(monthAgo);
        assertThat(growth(e.projects().get("a1").momentum(), "stars").days90().status())
                .isEqualTo(Momentum.NOT_ENOUGH_HISTORY);
        // framework: (11000 + 900) / (10000 + 1000) - 1 = 8.18 %
        assertThat(growth(e.frameworks().get("alpha").momentum(), "stars").days30().growthPercent())
                .isEqualTo(8.18);
    }

    @Test
    void aBaseObservationTooFarBeforeTheWindowDoesNotCount() {
        var history = Fixtures.history(List.of(github("a1", "org/a1", AT.minus(Duration.ofDays(45))).build(),
                github("a1", "org/a1", AT).build()));
        Momentum m = Scoring.evaluate(CATALOG, methodology, history, AT).projects().get("a1").momentum();
        // 45 days before is more than the 7-day tolerance beyond the 30-day window
        assertThat(growth(m, "stars").days30().status()).isEqualTo(Momentum.NOT_ENOUGH_HISTORY);
    }

    static Growth growth(Momentum m, String signal) {
        return m.signals().stream().filter(g -> g.signal().equals(signal)).findFirst().orElseThrow();
    }
}
