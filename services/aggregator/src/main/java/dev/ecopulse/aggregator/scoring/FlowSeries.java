package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.contract.event.SeriesObservation.Flow;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable view of the stored flows (counts over dated ranges) per subject and signal, and the one way to read
 * them: the count over a window, tiled from the flows that cover it. A day no flow covers is unknown, never zero; the
 * answer says how many days of the window were covered.
 */
public final class FlowSeries {

    private static final FlowSeries EMPTY = new FlowSeries(Map.of());

    /** Per subject and signal: the flows by the day they end (exclusive), several lengths possibly ending together. */
    private final Map<SubjectKey, Map<String, Series>> subjects;

    private FlowSeries(Map<SubjectKey, Map<String, Series>> subjects) {
        this.subjects = subjects;
    }

    public static FlowSeries empty() {
        return EMPTY;
    }

    /** A snapshot of the given flows (copied). */
    public static FlowSeries of(Map<SubjectKey, Map<String, List<Flow>>> flows) {
        Map<SubjectKey, Map<String, Series>> copy = new HashMap<>();
        flows.forEach((key, bySignal) -> {
            Map<String, Series> signals = new HashMap<>();
            bySignal.forEach((signal, list) -> {
                if (!list.isEmpty()) {
                    signals.put(signal, Series.of(list));
                }
            });
            if (!signals.isEmpty()) {
                copy.put(key, Collections.unmodifiableMap(signals));
            }
        });
        return new FlowSeries(Collections.unmodifiableMap(copy));
    }

    /** The count of {@code signal} over the days {@code from} (inclusive) to {@code to} (exclusive). */
    public WindowCount count(SubjectKey key, String signal, LocalDate from, LocalDate to) {
        Series series = series(key, signal);
        long days = ChronoUnit.DAYS.between(from, to);
        return series == null ? new WindowCount(0, 0, days) : series.count(from, to);
    }

    /** The latest day (exclusive end) a flow of the signal ends on, at or before {@code notAfter}. */
    public Optional<LocalDate> latestEnd(SubjectKey key, String signal, LocalDate notAfter) {
        Series series = series(key, signal);
        return series == null ? Optional.empty() : Optional.ofNullable(series.byEnd.floorKey(notAfter));
    }

    /** The first day any flow of the signal counts. */
    public Optional<LocalDate> firstDay(SubjectKey key, String signal) {
        Series series = series(key, signal);
        return series == null ? Optional.empty() : Optional.of(series.firstDay);
    }

    public boolean has(SubjectKey key, String signal) {
        return series(key, signal) != null;
    }

    /** Every day some flow ends on (exclusive end), oldest first. */
    public NavigableSet<LocalDate> ends() {
        TreeSet<LocalDate> ends = new TreeSet<>();
        subjects.values().forEach(s -> s.values().forEach(series -> ends.addAll(series.byEnd.keySet())));
        return ends;
    }

    public boolean isEmpty() {
        return subjects.isEmpty();
    }

    private Series series(SubjectKey key, String signal) {
        Map<String, Series> signals = subjects.get(key);
        return signals == null ? null : signals.get(signal);
    }

    /**
     * A window's count: {@code count} over the {@code coveredDays} of its {@code days} that flows cover. A flow that
     * only partly overlaps the window counts pro rata (the flow is taken as spread evenly over its days).
     */
    public record WindowCount(double count, long coveredDays, long days) {

        public double coverage() {
            return days == 0 ? 0 : (double) coveredDays / days;
        }

        public boolean complete() {
            return coveredDays == days;
        }
    }

    private static final class Series {

        private final NavigableMap<LocalDate, List<Flow>> byEnd;
        private final long longest;
        private final LocalDate firstDay;

        private Series(NavigableMap<LocalDate, List<Flow>> byEnd, long longest, LocalDate firstDay) {
            this.byEnd = byEnd;
            this.longest = longest;
            this.firstDay = firstDay;
        }

        static Series of(List<Flow> flows) {
            TreeMap<LocalDate, List<Flow>> byEnd = new TreeMap<>();
            long longest = 0;
            LocalDate first = null;
            for (Flow f : flows) {
                byEnd.computeIfAbsent(f.to(), d -> new ArrayList<>()).add(f);
                longest = Math.max(longest, f.days());
                first = first == null || f.from().isBefore(first) ? f.from() : first;
            }
            byEnd.replaceAll((d, l) -> List.copyOf(l));
            return new Series(Collections.unmodifiableNavigableMap(byEnd), longest, first);
        }

        /**
         * Tiles the window backwards from its end: at each step the flow covering the day before the cursor whose end
         * is closest to the cursor (the longest that still fits in the window when several end there), counted for the
         * part inside the window; a day no flow covers is skipped as unknown.
         */
        WindowCount count(LocalDate from, LocalDate to) {
            double count = 0;
            long covered = 0;
            LocalDate cursor = to;
            while (cursor.isAfter(from)) {
                Flow f = covering(cursor, from);
                if (f == null) {
                    cursor = cursor.minusDays(1);
                    continue;
                }
                LocalDate start = f.from().isBefore(from) ? from : f.from();
                long part = ChronoUnit.DAYS.between(start, cursor);
                count += f.count() * (double) part / f.days();
                covered += part;
                cursor = start;
            }
            return new WindowCount(count, covered, ChronoUnit.DAYS.between(from, to));
        }

        private Flow covering(LocalDate cursor, LocalDate windowFrom) {
            for (var e : byEnd.subMap(cursor, true, cursor.plusDays(longest), true).entrySet()) {
                Flow best = null;
                for (Flow f : e.getValue()) {
                    if (!f.from().isBefore(cursor)) {
                        continue;
                    }
                    if (best == null || better(f, best, windowFrom)) {
                        best = f;
                    }
                }
                if (best != null) {
                    return best;
                }
            }
            return null;
        }

        /** Prefer a flow that fits in the window, and among those the longest; else the one overrunning least. */
        private static boolean better(Flow a, Flow b, LocalDate windowFrom) {
            boolean aFits = !a.from().isBefore(windowFrom);
            boolean bFits = !b.from().isBefore(windowFrom);
            if (aFits != bFits) {
                return aFits;
            }
            return aFits ? a.from().isBefore(b.from()) : a.from().isAfter(b.from());
        }
    }
}
