package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.config.ScoresConfig;
import dev.ecopulse.aggregator.repository.FlowRepository;
import dev.ecopulse.aggregator.repository.ObservationRepository;
import dev.ecopulse.aggregator.scoring.Evaluation;
import dev.ecopulse.aggregator.scoring.HistorySnapshot;
import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.aggregator.scoring.Scoring;
import dev.ecopulse.aggregator.scoring.ScoringReach;
import dev.ecopulse.contract.catalog.Catalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Which days of history memory holds, and how days before them are rescored. Memory holds the scoring reach (the days
 * scoring reads before the day it scores) plus {@code ecopulse.scores.late-days-in-memory} before the newest day, so
 * the current scores and a late observation of the last weeks are computed from memory. A day before that (a late
 * observation or an imported series of long ago) is rescored from the store, a month at a time, holding the same
 * number of days as memory does.
 */
@ApplicationScoped
public class HistoryWindow {

    private static final Logger LOG = Logger.getLogger(HistoryWindow.class);
    /** Days rescored from one read of the store. */
    static final int STORE_CHUNK_DAYS = 31;

    private final ObservationRepository observations;
    private final FlowRepository flows;
    private final Catalog catalog;
    private final Methodology methodology;
    private final int reach;
    private final int lateDays;

    HistoryWindow(ObservationRepository observations, FlowRepository flows, Catalog catalog, Methodology methodology,
            ScoresConfig config) {
        this.observations = observations;
        this.flows = flows;
        this.catalog = catalog;
        this.methodology = methodology;
        this.reach = ScoringReach.days(methodology);
        this.lateDays = config.lateDaysInMemory();
    }

    /** The first day memory holds when {@code newest} is the newest day observed. */
    public LocalDate heldFrom(LocalDate newest) {
        return newest.minusDays((long) reach + lateDays);
    }

    /** The first day that can be scored from memory holding the days from {@code heldFrom} on. */
    public LocalDate scorableFrom(LocalDate heldFrom) {
        return heldFrom.plusDays(reach);
    }

    public int reachDays() {
        return reach;
    }

    /**
     * Scores every day in {@code [from, until)} on which something was observed or a flow ends, from the store, oldest
     * first, never holding more than the reach and a month of days.
     */
    public void replayFromStore(LocalDate from, LocalDate until, BiConsumer<LocalDate, Evaluation> scored) {
        LOG.infof("Rescoring %s to %s from the store (before the days held in memory)", from, until.minusDays(1));
        ObservationHistory days = new ObservationHistory();
        LocalDate loadedUntil = from.minusDays(reach);
        for (LocalDate start = from; start.isBefore(until); start = start.plusDays(STORE_CHUNK_DAYS)) {
            LocalDate end = min(start.plusDays(STORE_CHUNK_DAYS), until);
            observations.forEachObservedBetween(loadedUntil.atStartOfDay().toInstant(ZoneOffset.UTC),
                    end.atStartOfDay().toInstant(ZoneOffset.UTC), stored -> {
                        try {
                            days.add(ObservationPoints.of(stored));
                        } catch (RuntimeException e) {
                            LOG.debugf("Stored observation %s cannot be scored: %s", stored.id(), e.getMessage());
                        }
                    });
            FlowStore dayFlows = days.flows();
            flows.forEachOverlapping(loadedUntil, end, stored -> {
                try {
                    dayFlows.add(stored);
                } catch (RuntimeException e) {
                    LOG.debugf("Stored flow of %s cannot be scored: %s", stored.subject(), e.getMessage());
                }
            });
            loadedUntil = end;
            days.keepFrom(start.minusDays(reach));
            HistorySnapshot snapshot = days.snapshot();
            for (LocalDate day : snapshot.days().subSet(start, true, end, false)) {
                scored.accept(day, Scoring.evaluate(catalog, methodology, snapshot,
                        day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)));
            }
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
