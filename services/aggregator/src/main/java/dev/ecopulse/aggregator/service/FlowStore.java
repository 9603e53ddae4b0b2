package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.repository.StoredFlow;
import dev.ecopulse.aggregator.scoring.FlowSeries;
import dev.ecopulse.aggregator.scoring.SubjectKey;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The in-memory flows scoring reads (beside {@link ObservationHistory}): per subject and signal, one count per date
 * range. The same flow added again changes nothing; a range counted anew replaces its old count. Like the observation
 * history, it holds only ranges that end after the first day held ({@link #keepFrom}); an older range is a change of
 * the past the refresher rescores from the store.
 */
@ApplicationScoped
public class FlowStore {

    private record Range(String signal, LocalDate from, LocalDate to) {
    }

    private final Map<SubjectKey, Map<Range, Long>> subjects = new HashMap<>();
    private long size;
    private LocalDate heldFrom;

    /**
     * Adds the flows; the first day whose count changed, or empty when nothing did. A range no longer held is not a
     * change here: the caller stored it and knows from the store whether it was new.
     */
    public Optional<LocalDate> add(SubjectKey key, List<Flow> flows) {
        return add(key, flows, false);
    }

    private synchronized Optional<LocalDate> add(SubjectKey key, List<Flow> flows, boolean unheldIsChange) {
        Map<Range, Long> ranges = subjects.computeIfAbsent(key, k -> new HashMap<>());
        LocalDate changedFrom = null;
        for (Flow f : flows) {
            if (heldFrom != null && !f.to().isAfter(heldFrom)) {
                if (unheldIsChange) {
                    changedFrom = changedFrom == null || f.from().isBefore(changedFrom) ? f.from() : changedFrom;
                }
                continue;
            }
            Long before = ranges.put(new Range(f.signal(), f.from(), f.to()), f.count());
            if (before == null) {
                size++;
            }
            if (!Objects.equals(before, f.count())) {
                changedFrom = changedFrom == null || f.from().isBefore(changedFrom) ? f.from() : changedFrom;
            }
        }
        return Optional.ofNullable(changedFrom);
    }

    /** The last day (inclusive) any held flow counts. */
    public synchronized Optional<LocalDate> lastDay() {
        return subjects.values().stream().flatMap(r -> r.keySet().stream()).map(Range::to).max(LocalDate::compareTo)
                .map(to -> to.minusDays(1));
    }

    /** Drops the ranges that end on or before {@code from} (no day of them is held any more). */
    public synchronized void keepFrom(LocalDate from) {
        if (heldFrom != null && !from.isAfter(heldFrom)) {
            return;
        }
        heldFrom = from;
        for (Map<Range, Long> ranges : subjects.values()) {
            int before = ranges.size();
            ranges.keySet().removeIf(r -> !r.to().isAfter(from));
            size -= before - ranges.size();
        }
        subjects.values().removeIf(Map::isEmpty);
    }

    /**
     * Adds a stored flow (loaded at start or stored by another replica); the first changed day or empty. A range no
     * longer held counts as a change: another replica stored it, and its days are rescored from the store.
     */
    public Optional<LocalDate> add(StoredFlow stored) {
        ObservationSource source = ObservationSource.fromId(stored.source())
                .orElseThrow(() -> new IllegalArgumentException("unknown source '" + stored.source() + "'"));
        return add(new SubjectKey(stored.projectId(), source, stored.subject()), List.of(stored.flow()), true);
    }

    public synchronized FlowSeries snapshot() {
        Map<SubjectKey, Map<String, List<Flow>>> flows = new HashMap<>();
        subjects.forEach((key, ranges) -> ranges.forEach((r, count) -> flows.computeIfAbsent(key, k -> new HashMap<>())
                .computeIfAbsent(r.signal(), s -> new ArrayList<>()).add(new Flow(r.signal(), r.from(), r.to(), count))));
        return FlowSeries.of(flows);
    }

    /** Number of (subject, signal, range) counts held. */
    public synchronized long size() {
        return size;
    }
}
