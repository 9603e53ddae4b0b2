package dev.ecopulse.aggregator.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable view of the stored observations: per subject, the latest observation of each UTC day. That is all
 * scoring needs (the latest as of a day, and the level 30 or 90 days before).
 */
public final class HistorySnapshot {

    private final Map<SubjectKey, NavigableMap<LocalDate, ObservedPoint>> subjects;

    public HistorySnapshot(Map<SubjectKey, NavigableMap<LocalDate, ObservedPoint>> subjects) {
        TreeMap<SubjectKey, NavigableMap<LocalDate, ObservedPoint>> copy = new TreeMap<>();
        subjects.forEach((k, v) -> copy.put(k, Collections.unmodifiableNavigableMap(new TreeMap<>(v))));
        this.subjects = Collections.unmodifiableMap(copy);
    }

    public static HistorySnapshot empty() {
        return new HistorySnapshot(Map.of());
    }

    public static LocalDate day(Instant time) {
        return LocalDate.ofInstant(time, ZoneOffset.UTC);
    }

    /** The subject's latest observation made at or before {@code time}. */
    public Optional<ObservedPoint> atOrBefore(SubjectKey key, Instant time) {
        NavigableMap<LocalDate, ObservedPoint> days = subjects.get(key);
        if (days == null) {
            return Optional.empty();
        }
        Entry<LocalDate, ObservedPoint> entry = days.floorEntry(day(time));
        while (entry != null && entry.getValue().observedAt().isAfter(time)) {
            entry = days.lowerEntry(entry.getKey());
        }
        return entry == null ? Optional.empty() : Optional.of(entry.getValue());
    }

    /** The subject's first stored observation. */
    public Optional<ObservedPoint> first(SubjectKey key) {
        NavigableMap<LocalDate, ObservedPoint> days = subjects.get(key);
        return days == null || days.isEmpty() ? Optional.empty() : Optional.of(days.firstEntry().getValue());
    }

    /** Every UTC day on which something was observed, oldest first. */
    public NavigableSet<LocalDate> days() {
        TreeSet<LocalDate> days = new TreeSet<>();
        subjects.values().forEach(d -> days.addAll(d.keySet()));
        return days;
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
