package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.scoring.HistorySnapshot;
import dev.ecopulse.aggregator.scoring.ObservedPoint;
import dev.ecopulse.aggregator.scoring.SubjectKey;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The in-memory history scoring runs on: per subject, the latest observation of each UTC day. Adding the same
 * observation again, or an older one of the same day, changes nothing, so loading from the store and ingesting can
 * overlap in any order.
 */
@ApplicationScoped
public class ObservationHistory {

    private final Map<SubjectKey, NavigableMap<LocalDate, ObservedPoint>> subjects = new HashMap<>();
    private long size;

    /** True when the point changed the history. */
    public synchronized boolean add(ObservedPoint point) {
        NavigableMap<LocalDate, ObservedPoint> days = subjects.computeIfAbsent(point.key(), k -> new TreeMap<>());
        LocalDate day = HistorySnapshot.day(point.observedAt());
        ObservedPoint current = days.get(day);
        if (current != null && ObservedPoint.RECENCY.compare(current, point) >= 0) {
            return false;
        }
        if (current == null) {
            size++;
        }
        days.put(day, point);
        return true;
    }

    public synchronized HistorySnapshot snapshot() {
        return new HistorySnapshot(subjects);
    }

    /** Number of (subject, day) points held. */
    public synchronized long size() {
        return size;
    }
}
