package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.scoring.DayPoints;
import dev.ecopulse.aggregator.scoring.HistorySnapshot;
import dev.ecopulse.aggregator.scoring.ObservedPoint;
import dev.ecopulse.aggregator.scoring.SubjectKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The in-memory history scoring runs on: per subject and UTC day, the latest observation (and the latest complete one
 * when the latest is partial). Adding the same observation again changes nothing, so loading from the store and
 * ingesting can overlap in any order.
 */
@ApplicationScoped
public class ObservationHistory {

    private final Map<SubjectKey, NavigableMap<LocalDate, DayPoints>> subjects = new HashMap<>();
    private long size;

    /** True when the point changed the history. */
    public synchronized boolean add(ObservedPoint point) {
        NavigableMap<LocalDate, DayPoints> days = subjects.computeIfAbsent(point.key(), k -> new TreeMap<>());
        LocalDate day = HistorySnapshot.day(point.observedAt());
        DayPoints current = days.get(day);
        DayPoints next = current == null ? DayPoints.of(point) : current.with(point);
        if (next.equals(current)) {
            return false;
        }
        if (current == null) {
            size++;
        }
        days.put(day, next);
        return true;
    }

    private final FlowStore flows;

    @Inject
    public ObservationHistory(FlowStore flows) {
        this.flows = flows;
    }

    /** A history with flows of its own (tests and benchmarks). */
    public ObservationHistory() {
        this(new FlowStore());
    }

    public synchronized HistorySnapshot snapshot() {
        return HistorySnapshot.of(subjects, flows.snapshot());
    }

    /** Number of (subject, day) points held. */
    public synchronized long size() {
        return size;
    }
}
