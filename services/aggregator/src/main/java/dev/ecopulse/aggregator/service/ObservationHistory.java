package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.scoring.DayPoints;
import dev.ecopulse.aggregator.scoring.HistorySnapshot;
import dev.ecopulse.aggregator.scoring.ObservedPoint;
import dev.ecopulse.aggregator.scoring.SubjectKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The in-memory history scoring runs on: per subject and UTC day, the latest observation (and the latest complete one
 * when the latest is partial). Adding the same observation again changes nothing, so loading from the store and
 * ingesting can overlap in any order.
 * <p>
 * Memory is bounded by days, not by how much history the store keeps: {@link #keepFrom} drops every day before a
 * given one except each subject's latest, so the heap holds the days scoring reads and no more. An observation of a
 * day no longer held still counts as a change (the refresher rescores such days from the store), once.
 */
@ApplicationScoped
public class ObservationHistory {

    private static final int PAST_IDS_REMEMBERED = 10_000;

    private final Map<SubjectKey, NavigableMap<LocalDate, DayPoints>> subjects = new HashMap<>();
    private final FlowStore flows;
    // ids of observations older than the days held, already reported as a change: a replica sync reads them again
    private final Map<String, Boolean> pastSeen = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > PAST_IDS_REMEMBERED;
        }
    };
    private LocalDate heldFrom;
    private long size;

    @Inject
    public ObservationHistory(FlowStore flows) {
        this.flows = flows;
    }

    /** A history with flows of its own (tests and benchmarks). */
    public ObservationHistory() {
        this(new FlowStore());
    }

    /** True when the point changed the history (held in memory, or of a day only the store holds now). */
    public synchronized boolean add(ObservedPoint point) {
        NavigableMap<LocalDate, DayPoints> days = subjects.computeIfAbsent(point.key(), k -> new TreeMap<>());
        LocalDate day = HistorySnapshot.day(point.observedAt());
        if (heldFrom != null && day.isBefore(heldFrom) && !days.isEmpty() && day.isBefore(days.lastKey())) {
            return pastSeen.put(point.id(), Boolean.TRUE) == null;
        }
        DayPoints current = days.get(day);
        DayPoints next = current == null ? DayPoints.of(point) : current.with(point);
        if (next.equals(current)) {
            return false;
        }
        if (current == null) {
            size++;
        }
        days.put(day, next);
        if (heldFrom != null && day.isBefore(heldFrom)) {
            // the subject's newest day is always held, however old; the one it replaces is not
            dropBefore(days, heldFrom);
        }
        return true;
    }

    /** Drops every day before {@code from} except each subject's latest day; days already dropped stay dropped. */
    public synchronized void keepFrom(LocalDate from) {
        if (heldFrom != null && !from.isAfter(heldFrom)) {
            return;
        }
        heldFrom = from;
        subjects.values().forEach(days -> dropBefore(days, from));
        flows.keepFrom(from);
    }

    private void dropBefore(NavigableMap<LocalDate, DayPoints> days, LocalDate from) {
        NavigableMap<LocalDate, DayPoints> old = days.headMap(from, false);
        int drop = days.isEmpty() || !days.lastKey().isBefore(from) ? old.size() : old.size() - 1;
        for (int i = 0; i < drop; i++) {
            days.pollFirstEntry();
            size--;
        }
    }

    /** The first day held in full (every observation of it and after), or empty when nothing was ever dropped. */
    public synchronized Optional<LocalDate> heldFrom() {
        return Optional.ofNullable(heldFrom);
    }

    /** The newest day any held observation was made on or any held flow counts. */
    public synchronized Optional<LocalDate> newestDay() {
        return Stream.concat(subjects.values().stream().filter(d -> !d.isEmpty()).map(NavigableMap::lastKey),
                flows.lastDay().stream()).max(LocalDate::compareTo);
    }

    /** The flows held beside the observations. */
    FlowStore flows() {
        return flows;
    }

    public synchronized HistorySnapshot snapshot() {
        return HistorySnapshot.of(subjects, flows.snapshot());
    }

    /** Number of (subject, day) points held. */
    public synchronized long size() {
        return size;
    }
}
