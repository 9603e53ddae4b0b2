package dev.ecopulse.collector.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.SeriesObservation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CollectionRunTest {

    static final CollectionTarget OPTAX = new CollectionTarget("optax", "optax");
    static final CollectionTarget CHEX = new CollectionTarget("chex", "chex");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    final BackfillLedger ledger = new BackfillLedger(BackfillLedgerTest.config(Optional.empty()));
    final List<SeriesObservation> sent = new ArrayList<>();

    @Test
    void backfillsOnlyTheSubjectsNotBackfilledYet() {
        ledger.record(OPTAX);
        CollectionRun run = run(false);

        assertThat(run.backfill(OPTAX)).isFalse();
        assertThat(run.backfill(CHEX)).isTrue();
        assertThat(run.snapshot().backfill()).isFalse();
    }

    @Test
    void aRunAskedToBackfillBackfillsEveryTarget() {
        ledger.record(OPTAX);
        CollectionRun run = run(true);

        assertThat(run.backfill(OPTAX)).isTrue();
        assertThat(run.backfill(CHEX)).isTrue();
        assertThat(run.snapshot().backfill()).isTrue();
    }

    @Test
    void aBackfillSeriesMarksItsSubjectBackfilledAndACollectionDoesNot() {
        CollectionRun run = run(false);

        run.publishSeries(series(CHEX, SeriesObservation.ORIGIN_COLLECTION));
        assertThat(ledger.needs(CHEX)).isTrue();
        run.publishSeries(series(OPTAX, SeriesObservation.ORIGIN_BACKFILL));

        assertThat(ledger.needs(OPTAX)).isFalse();
        assertThat(run(false).backfill(OPTAX)).as("the next run").isFalse();
        assertThat(sent).hasSize(2);
    }

    @Test
    void theStatusCountsTheSeriesApartFromTheObservations() {
        CollectionRun run = run(true);

        run.publishSeries(series(OPTAX, SeriesObservation.ORIGIN_BACKFILL));
        run.publishSeries(series(CHEX, SeriesObservation.ORIGIN_BACKFILL));
        run.finish();

        RunStatus status = run.snapshot();
        assertThat(status.seriesPublished()).isEqualTo(2);
        assertThat(status.published()).isZero();
        assertThat(status.failed()).as("a series is not an observation").isEqualTo(2);
    }

    private CollectionRun run(boolean backfillAll) {
        List<Observation> observations = new ArrayList<>();
        return new CollectionRun("pypi-run", "pypi", Shard.ALL, RunStatus.Trigger.API, List.of(OPTAX, CHEX),
                "packages", observations::add, sent::add, ledger, backfillAll, CLOCK);
    }

    private static SeriesObservation series(CollectionTarget target, String origin) {
        LocalDate day = LocalDate.parse("2026-11-27");
        return new SeriesObservation(target.projectId(), "pypi", target.subject(), CLOCK.instant(), "pypi-run",
                origin, List.of(new SeriesObservation.Flow("downloads", day, day.plusDays(1), 12)), List.of());
    }
}
