package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.scoring.FlowSeries;
import dev.ecopulse.aggregator.scoring.SubjectKey;
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
 * range. The same flow added again changes nothing; a range counted anew replaces its old count.
 */
@ApplicationScoped
public class FlowStore {

    private record Range(String signal, LocalDate from, LocalDate to) {
    }

    private final Map<SubjectKey, Map<Range, Long>> subjects = new HashMap<>();
    private long size;

    /** Adds the flows; the first day whose count changed, or empty when nothing did. */
    public synchronized Optional<LocalDate> add(SubjectKey key, List<Flow> flows) {
        Map<Range, Long> ranges = subjects.computeIfAbsent(key, k -> new HashMap<>());
        LocalDate changedFrom = null;
        for (Flow f : flows) {
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
