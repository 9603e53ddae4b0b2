package dev.ecopulse.research.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.research.service.CountPlan.Count;
import dev.ecopulse.research.service.CountPlan.Kind;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountPlanTest {

    static final CollectionTarget TORCH = new CollectionTarget("pytorch", "\"PyTorch\"");
    static final CollectionTarget JAX = new CollectionTarget("jax", "\"JAX\"");
    static final LocalDate THROUGH = LocalDate.parse("2026-10-29");

    @Test
    void asksLastYearForEveryFrameworkFirstThenThePreviousYearThenTheRecentWindows() {
        List<Count> plan = CountPlan.of(List.of(TORCH, JAX), THROUGH, t -> false);

        assertThat(plan).extracting(c -> c.target().projectId() + " " + c.kind() + " " + c.window()).containsExactly(
                "pytorch LAST_YEAR -1", "jax LAST_YEAR -1", "pytorch PREVIOUS_YEAR -1", "jax PREVIOUS_YEAR -1",
                "pytorch WINDOW 0", "jax WINDOW 0", "pytorch WINDOW 1", "jax WINDOW 1");
    }

    @Test
    void yearsAre365DaysEndingAtThroughAndTheYearBefore() {
        List<Count> plan = CountPlan.of(List.of(TORCH), THROUGH, t -> false);

        Count last = plan.get(0);
        Count previous = plan.get(1);
        assertThat(last.from()).isEqualTo(LocalDate.parse("2025-10-30"));
        assertThat(last.through()).isEqualTo(THROUGH);
        assertThat(ChronoUnit.DAYS.between(last.from(), last.through()) + 1).isEqualTo(365);
        assertThat(previous.through()).isEqualTo(last.from().minusDays(1));
        assertThat(ChronoUnit.DAYS.between(previous.from(), previous.through()) + 1).isEqualTo(365);
    }

    @Test
    void windowsAre30DaysBackToBackEndingAtThrough() {
        assertThat(CountPlan.window(TORCH, 0, THROUGH)).isEqualTo(new Count(TORCH, Kind.WINDOW, 0,
                LocalDate.parse("2026-09-30"), THROUGH));
        assertThat(CountPlan.window(TORCH, 1, THROUGH).through()).isEqualTo(LocalDate.parse("2026-09-29"));
    }

    @Test
    void aBackfillAsksThirteenWindowsAfterEveryonesRecentOnes() {
        List<Count> plan = CountPlan.of(List.of(TORCH, JAX), THROUGH, t -> t == JAX);

        assertThat(plan).hasSize(4 + 2 + 13);
        assertThat(plan.subList(4, 8)).extracting(Count::window).containsExactly(0, 0, 1, 1);
        assertThat(plan.subList(8, plan.size())).allMatch(c -> c.target() == JAX).extracting(Count::window)
                .containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(plan.get(plan.size() - 1).from()).isEqualTo(THROUGH.minusDays(13 * 30 - 1));
    }
}
