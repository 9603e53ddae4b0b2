package dev.ecopulse.aggregator.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable view of the stored observations: per subject, the latest observation of each UTC day (and the latest
 * complete one of the day when the latest is partial). That is all scoring needs: the latest as of a day, the last
 * good value of a field a partial observation lacks, and the level 30 or 90 days before.
 */
public final class HistorySnapshot {

    private final Map<SubjectKey, NavigableMap<LocalDate, DayPoints>> subjects;
    private final FlowSeries flows;
    private volatile NavigableSet<LocalDate> days;

    private HistorySnapshot(Map<SubjectKey, NavigableMap<LocalDate, DayPoints>> subjects, FlowSeries flows) {
        this.flows = flows;
        TreeMap<SubjectKey, NavigableMap<LocalDate, DayPoints>> byKey = new TreeMap<>();
        subjects.forEach((k, v) -> byKey.put(k, Collections.unmodifiableNavigableMap(new TreeMap<>(v))));
        this.subjects = Collections.unmodifiableMap(byKey);
    }

    public static HistorySnapshot ofDays(Map<SubjectKey, NavigableMap<LocalDate, DayPoints>> subjects) {
        return new HistorySnapshot(subjects, FlowSeries.empty());
    }

    /** Observations by day, and the dated flows (series events) beside them. */
    public static HistorySnapshot of(Map<SubjectKey, NavigableMap<LocalDate, DayPoints>> subjects, FlowSeries flows) {
        return new HistorySnapshot(subjects, flows);
    }

    public static HistorySnapshot empty() {
        return new HistorySnapshot(Map.of(), FlowSeries.empty());
    }

    /** The dated flows: daily downloads, commit and release windows, imported series. */
    public FlowSeries flows() {
        return flows;
    }

    public static LocalDate day(Instant time) {
        return LocalDate.ofInstant(time, ZoneOffset.UTC);
    }

    /** The subject's latest observation made at or before {@code time}. */
    public Optional<ObservedPoint> atOrBefore(SubjectKey key, Instant time) {
        NavigableMap<LocalDate, DayPoints> days = subjects.get(key);
        if (days == null) {
            return Optional.empty();
        }
        for (Entry<LocalDate, DayPoints> e = days.floorEntry(day(time)); e != null; e = days.lowerEntry(e.getKey())) {
            if (!e.getValue().latest().observedAt().isAfter(time)) {
                return Optional.of(e.getValue().latest());
            }
            Optional<ObservedPoint> earlier = e.getValue().completeFallback().filter(p -> !p.observedAt().isAfter(time));
            if (earlier.isPresent()) {
                return earlier;
            }
        }
        return Optional.empty();
    }

    /**
     * The subject's observations made at or before {@code time} and not before {@code notBefore}, newest first: on
     * each day the latest, then the day's latest complete one when the latest was partial. Where a field is missing
     * from the newest observation, scoring looks here for its last good value.
     */
    public List<ObservedPoint> lookback(SubjectKey key, Instant time, Instant notBefore) {
        NavigableMap<LocalDate, DayPoints> days = subjects.get(key);
        if (days == null) {
            return List.of();
        }
        if (notBefore.isAfter(time)) {
            return List.of();
        }
        List<ObservedPoint> points = new ArrayList<>();
        for (DayPoints d : days.subMap(day(notBefore), true, day(time), true).descendingMap().values()) {
            for (ObservedPoint p : new ObservedPoint[] {d.latest(), d.complete()}) {
                if (p != null && !p.observedAt().isAfter(time) && !p.observedAt().isBefore(notBefore)) {
                    points.add(p);
                }
            }
        }
        return points;
    }

    /** The subject's first stored observation. */
    public Optional<ObservedPoint> first(SubjectKey key) {
        NavigableMap<LocalDate, DayPoints> days = subjects.get(key);
        return days == null || days.isEmpty() ? Optional.empty() : Optional.of(firstOf(days.firstEntry().getValue()));
    }

    private static ObservedPoint firstOf(DayPoints d) {
        return d.complete() != null && ObservedPoint.RECENCY.compare(d.complete(), d.latest()) < 0 ? d.complete()
                : d.latest();
    }

    /** Every UTC day on which something was observed or a flow ends (its exclusive end), oldest first. */
    public NavigableSet<LocalDate> days() {
        NavigableSet<LocalDate> known = days;
        if (known == null) {
            TreeSet<LocalDate> all = new TreeSet<>(flows.ends());
            subjects.values().forEach(d -> all.addAll(d.keySet()));
            // the snapshot never changes: its days are collected once, however often a rescore asks
            known = Collections.unmodifiableNavigableSet(all);
            days = known;
        }
        return known;
    }

    /** The time of the newest observation made at or before {@code time}; empty when there is none. */
    public Optional<Instant> dataTime(Instant time) {
        return subjects.keySet().stream().map(k -> atOrBefore(k, time)).flatMap(Optional::stream)
                .map(ObservedPoint::observedAt).max(Instant::compareTo);
    }

    public int subjectCount() {
        return subjects.size();
    }
}
