package dev.ecopulse.collector.release;

import dev.ecopulse.contract.event.SeriesObservation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Releases per 30-day window, counted back from the run's UTC day: the {@code releases} flows every collector sends
 * beside its cadence. The newest window ends before the run's day, so a day still going on is never counted. A window
 * that starts before the package's first release starts at that day instead (a package younger than the window shows
 * as partial, not as a quiet month); a window entirely before it is left out.
 */
public final class ReleaseWindows {

    /** Days in one window. */
    public static final int DAYS = 30;
    /** Windows of every run: 180 days. */
    public static final int RECENT = 6;
    /** Windows of a backfill: a year and one window more, so a year-over-year comparison has its first window. */
    public static final int BACKFILL = 13;

    private ReleaseWindows() {
    }

    /** How many windows a run sends: {@link #BACKFILL} when it reads the subject's past, {@link #RECENT} otherwise. */
    public static int count(boolean backfill) {
        return backfill ? BACKFILL : RECENT;
    }

    /**
     * @param versions every version with its publication time, pre-releases flagged; the earliest is the first release
     * @param today the run's UTC day (not counted)
     * @return the windows oldest first; none when there is no version
     */
    public static List<SeriesObservation.Flow> of(Collection<ReleaseCadence.Dated> versions, LocalDate today,
            int windows) {
        LocalDate first = versions.stream().map(ReleaseWindows::day).min(LocalDate::compareTo).orElse(null);
        List<SeriesObservation.Flow> flows = new ArrayList<>();
        if (first == null) {
            return flows;
        }
        List<LocalDate> stable = versions.stream().filter(v -> !v.preRelease()).map(ReleaseWindows::day).toList();
        for (int k = windows - 1; k >= 0; k--) {
            LocalDate to = today.minusDays((long) DAYS * k);
            if (!to.isAfter(first)) {
                continue;
            }
            LocalDate from = to.minusDays(DAYS);
            LocalDate start = from.isBefore(first) ? first : from;
            long count = stable.stream().filter(d -> !d.isBefore(start) && d.isBefore(to)).count();
            flows.add(new SeriesObservation.Flow(SeriesObservation.Signals.RELEASES, start, to, count));
        }
        return flows;
    }

    private static LocalDate day(ReleaseCadence.Dated version) {
        return LocalDate.ofInstant(version.releasedAt(), ZoneOffset.UTC);
    }
}
