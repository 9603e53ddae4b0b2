package dev.ecopulse.github.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The 30-day windows a run reads as dated flows, ending at the run's UTC day {@code day} (00:00Z, exclusive): window
 * 0 is {@code [day − 30, day)}, window 1 {@code [day − 60, day − 30)}, and so on, {@code count} of them.
 */
public record SeriesWindows(LocalDate day, int count) {

    /** Days per window. */
    public static final int DAYS = 30;
    /** Windows of every run: 180 days, enough for 30- and 90-day growth (and the observation's two quarters). */
    public static final int RECENT = 6;
    /** Windows of a backfill: a year plus one window, so a year-over-year change has its base. */
    public static final int BACKFILL = 13;

    public SeriesWindows {
        if (count < 1) {
            throw new IllegalArgumentException("at least one window: " + count);
        }
    }

    public static SeriesWindows of(Windows windows, boolean backfill) {
        return new SeriesWindows(windows.day(), backfill ? BACKFILL : RECENT);
    }

    /** First day of window {@code k}. */
    public LocalDate from(int k) {
        return day.minusDays((long) DAYS * (k + 1));
    }

    /** First day after window {@code k}. */
    public LocalDate to(int k) {
        return day.minusDays((long) DAYS * k);
    }

    /** The first day of the oldest window. */
    public LocalDate oldest() {
        return from(count - 1);
    }

    /** Bound {@code k} of the windows as a GitHub timestamp: {@code day − 30·k} at 00:00Z. */
    public Instant bound(int k) {
        return startOf(day.minusDays((long) DAYS * k));
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
