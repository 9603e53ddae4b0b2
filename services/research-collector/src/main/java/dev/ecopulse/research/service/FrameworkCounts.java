package dev.ecopulse.research.service;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.ResearchObservation;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.research.service.CountPlan.Count;
import dev.ecopulse.research.service.CountPlan.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run counted for one framework, and what it could not with the reason; becomes the framework's observation
 * and its series of 30-day windows. A count that is missing is named, never sent as zero.
 */
final class FrameworkCounts {

    private final CollectionTarget target;
    private final LocalDate through;
    private final Map<Kind, Long> years = new LinkedHashMap<>();
    private final Map<Kind, String> yearsMissing = new LinkedHashMap<>();
    private final Map<Integer, Count> windows = new TreeMap<>();
    private final Map<Integer, Long> windowCounts = new TreeMap<>();
    private final Map<Integer, String> windowsMissing = new TreeMap<>();

    FrameworkCounts(CollectionTarget target, LocalDate through) {
        this.target = target;
        this.through = through;
    }

    void counted(Count count, long works) {
        if (count.kind() == Kind.WINDOW) {
            windows.put(count.window(), count);
            windowCounts.put(count.window(), works);
        } else {
            years.put(count.kind(), works);
        }
    }

    void missing(Count count, String reason) {
        if (count.kind() == Kind.WINDOW) {
            windows.put(count.window(), count);
            windowsMissing.put(count.window(), reason);
        } else {
            yearsMissing.put(count.kind(), reason);
        }
    }

    ResearchObservation observation(String runId, Instant observedAt) {
        List<MissingSignal> missing = new ArrayList<>();
        yearsMissing.forEach((kind, reason) -> missing.add(new MissingSignal(kind.signal, reason)));
        return new ResearchObservation(target.projectId(), target.subject(), observedAt, runId, SubjectStatus.FOUND,
                new ResearchObservation.Works(years.get(Kind.LAST_YEAR), years.get(Kind.PREVIOUS_YEAR), through),
                missing);
    }

    /**
     * The {@code works} flows counted, one per 30-day window; null when none was. A backfill that lost a window goes
     * out as a collection, so the next run tries the backfill again.
     */
    SeriesObservation series(String runId, Instant observedAt, boolean backfill) {
        if (windowCounts.isEmpty()) {
            return null;
        }
        List<Flow> flows = new ArrayList<>();
        windowCounts.forEach((w, works) -> {
            Count c = windows.get(w);
            flows.add(new Flow(SeriesObservation.Signals.WORKS, c.from(), c.through().plusDays(1), works));
        });
        flows.sort(java.util.Comparator.comparing(Flow::from));
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        windowsMissing.forEach((w, reason) -> byReason.computeIfAbsent(reason, r -> new ArrayList<>())
                .add(windows.get(w).from() + ".." + windows.get(w).through()));
        List<MissingSignal> missing = new ArrayList<>();
        byReason.forEach((reason, ranges) -> missing.add(new MissingSignal(SeriesObservation.Signals.WORKS,
                "30-day windows " + String.join(", ", ranges) + ": " + reason)));
        boolean complete = backfill && windowCounts.size() >= CountPlan.BACKFILL_WINDOWS;
        return new SeriesObservation(target.projectId(), ObservationSource.RESEARCH.id(), target.subject(),
                observedAt, runId, complete ? SeriesObservation.ORIGIN_BACKFILL : SeriesObservation.ORIGIN_COLLECTION,
                flows, missing);
    }

    /** The signals missing, for a run's summary: {@code works.previousYear, works (3 windows)}. */
    List<String> missingNames() {
        List<String> names = new ArrayList<>();
        yearsMissing.keySet().forEach(k -> names.add(k.signal));
        if (!windowsMissing.isEmpty()) {
            names.add("works (" + windowsMissing.size() + (windowsMissing.size() == 1 ? " window)" : " windows)"));
        }
        return names;
    }
}
