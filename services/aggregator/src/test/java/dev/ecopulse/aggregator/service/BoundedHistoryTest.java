package dev.ecopulse.aggregator.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.aggregator.bench.GeneratedEcosystem;
import dev.ecopulse.aggregator.scoring.Evaluation;
import dev.ecopulse.aggregator.scoring.HistorySnapshot;
import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.aggregator.scoring.MethodologyLoader;
import dev.ecopulse.aggregator.scoring.ObservedPoint;
import dev.ecopulse.aggregator.scoring.ScorePoint;
import dev.ecopulse.aggregator.scoring.Scoring;
import dev.ecopulse.aggregator.scoring.ScoringReach;
import dev.ecopulse.aggregator.scoring.SubjectScore;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.Observation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Memory holds only the days scoring reads: scores computed from them are the scores of the whole history, and the
 * days held do not grow with the days observed.
 */
class BoundedHistoryTest {

    static final Methodology METHODOLOGY = MethodologyLoader.loadDefault();
    static final int LATE_DAYS = 31;
    static final int DAYS = 420;
    static final Instant END = Instant.parse("2026-06-30T12:00:00Z");
    static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    final Catalog catalog = GeneratedEcosystem.catalog(24);

    @Test
    void scoresFromTheDaysHeldAreTheScoresOfTheWholeHistory() {
        ObservationHistory whole = new ObservationHistory();
        ObservationHistory held = new ObservationHistory();
        fill(whole, END, DAYS);
        fill(held, END, DAYS);
        LocalDate newest = held.newestDay().orElseThrow();
        LocalDate heldFrom = newest.minusDays(ScoringReach.days(METHODOLOGY) + LATE_DAYS);
        held.keepFrom(heldFrom);

        long subjects = whole.snapshot().subjectCount();
        assertThat(whole.size()).isEqualTo(subjects * DAYS);
        assertThat(held.size()).isEqualTo(subjects * (ScoringReach.days(METHODOLOGY) + LATE_DAYS + 1));

        HistorySnapshot all = whole.snapshot();
        HistorySnapshot some = held.snapshot();
        assertThat(points(Scoring.evaluate(catalog, METHODOLOGY, some, END_OF_TIME), newest))
                .isEqualTo(points(Scoring.evaluate(catalog, METHODOLOGY, all, END_OF_TIME), newest));
        // a late observation of the last weeks is rescored from memory: those days come out the same too
        for (LocalDate day = heldFrom.plusDays(ScoringReach.days(METHODOLOGY)); !day.isAfter(newest);
                day = day.plusDays(7)) {
            Instant endOfDay = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
            assertThat(points(Scoring.evaluate(catalog, METHODOLOGY, some, endOfDay), day))
                    .as("scores of %s", day)
                    .isEqualTo(points(Scoring.evaluate(catalog, METHODOLOGY, all, endOfDay), day));
        }
        // and the momentum that needs 180 days of stock levels is there, not "not enough history"
        assertThat(Scoring.evaluate(catalog, METHODOLOGY, some, END_OF_TIME).frameworks().values())
                .allSatisfy(s -> assertThat(s.momentum().index90()).isNotNull());
    }

    @Test
    void theDaysHeldDoNotGrowWithTheDaysObserved() {
        ObservationHistory held = new ObservationHistory();
        int window = ScoringReach.days(METHODOLOGY) + LATE_DAYS;
        Random random = new Random(3);
        List<Long> sizes = new java.util.ArrayList<>();
        for (int d = 0; d < 400; d++) {
            Instant at = END.minus(Duration.ofDays(400 - d));
            for (Project p : catalog.projects()) {
                GeneratedEcosystem.day(p, at, 1_000, 50_000, 1 + d / 1000.0).forEach(o -> held.add(point(o)));
                held.flows().add(GeneratedEcosystem.pypiKey(p), GeneratedEcosystem.dailyDownloads(p, at, 1, random));
            }
            held.keepFrom(held.newestDay().orElseThrow().minusDays(window));
            sizes.add(held.size());
        }
        long subjects = held.snapshot().subjectCount();
        assertThat(sizes.get(399)).isEqualTo(sizes.get(window + 50)).isEqualTo(subjects * (window + 1));
        assertThat(held.flows().size()).isEqualTo(catalog.projects().size() * (window + 1L));
    }

    @Test
    void anObservationOfADayNoLongerHeldIsAChangeOnceAndIsNotHeld() {
        ObservationHistory held = new ObservationHistory();
        Project p = catalog.projects().get(0);
        for (int d = 0; d < 10; d++) {
            GeneratedEcosystem.day(p, END.minus(Duration.ofDays(d)), 1_000, 50_000, 1).forEach(o -> held.add(point(o)));
        }
        held.keepFrom(LocalDate.ofInstant(END, ZoneOffset.UTC).minusDays(3));
        long size = held.size();
        Observation late = GeneratedEcosystem.day(p, END.minus(Duration.ofDays(20)), 9_000, 50_000, 1).get(0);

        assertThat(held.add(point(late))).isTrue();
        assertThat(held.add(point(late))).isFalse();
        assertThat(held.size()).isEqualTo(size);
        assertThat(held.snapshot().atOrBefore(point(late).key(), END.minus(Duration.ofDays(15)))).isEmpty();
    }

    @Test
    void aSubjectsLatestDayIsHeldHoweverOld() {
        ObservationHistory held = new ObservationHistory();
        Project quiet = catalog.projects().get(0);
        Project busy = catalog.projects().get(1);
        Instant longAgo = END.minus(Duration.ofDays(500));
        GeneratedEcosystem.day(quiet, longAgo.minus(Duration.ofDays(1)), 1_000, 50_000, 1).forEach(o -> held.add(point(o)));
        GeneratedEcosystem.day(quiet, longAgo, 1_000, 50_000, 1).forEach(o -> held.add(point(o)));
        GeneratedEcosystem.day(busy, END, 1_000, 50_000, 1).forEach(o -> held.add(point(o)));
        held.keepFrom(LocalDate.ofInstant(END, ZoneOffset.UTC).minusDays(200));

        ObservedPoint kept = held.snapshot().atOrBefore(point(GeneratedEcosystem.day(quiet, longAgo, 1, 1, 1).get(0))
                .key(), END_OF_TIME).orElseThrow();
        assertThat(kept.observedAt()).isEqualTo(longAgo);
        assertThat(held.size()).isEqualTo(held.snapshot().subjectCount());
    }

    private void fill(ObservationHistory history, Instant end, int days) {
        Random observations = new Random(42);
        Random flows = new Random(7);
        for (Project p : catalog.projects()) {
            GeneratedEcosystem.observations(p, end, days, observations).forEach(o -> history.add(point(o)));
            history.flows().add(GeneratedEcosystem.pypiKey(p), GeneratedEcosystem.dailyDownloads(p, end, days, flows));
        }
    }

    private static ObservedPoint point(Observation o) {
        return GeneratedEcosystem.point(o);
    }

    /** Each project's and framework's scores, as the score history stores them. */
    private static Map<String, ScorePoint> points(Evaluation e, LocalDate day) {
        return java.util.stream.Stream.concat(e.frameworks().values().stream(), e.projects().values().stream())
                .collect(Collectors.toMap(s -> s.level() + "|" + s.id(), (SubjectScore s) -> ScorePoint.of(day, s)));
    }
}
