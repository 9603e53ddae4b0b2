package dev.ecopulse.stackexchange.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The date ranges whose questions are counted, all ending at the last UTC midnight (a day still going on is
 * incomplete): 30-day windows going back from it ({@code 0} the last 30 days, {@code 1} the 30 before), and the last
 * 365 days. Runs on the same UTC day count the same ranges.
 */
final class QuestionWindows {

    static final int DAYS = 30;
    /** A backfill reads 13 windows: 390 days, a year and the window before it. */
    static final int BACKFILL_WINDOWS = 13;
    /** Every run reads the last two windows: {@code last30Days} and {@code previous30Days}. */
    static final int RECENT_WINDOWS = 2;

    private QuestionWindows() {
    }

    /** One range to count: {@code from} inclusive, {@code to} exclusive (UTC days); {@code unanswered} for no-answers. */
    record Range(String name, LocalDate from, LocalDate to, boolean unanswered) {

        java.time.Instant start() {
            return from.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        java.time.Instant end() {
            return to.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /** Window {@code i} back from {@code today} (0 is the last 30 days). */
    static Range window(LocalDate today, int i) {
        return new Range("window" + i, today.minusDays((long) DAYS * (i + 1)), today.minusDays((long) DAYS * i),
                false);
    }

    static List<Range> windows(LocalDate today, int from, int to) {
        List<Range> ranges = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ranges.add(window(today, i));
        }
        return ranges;
    }

    static Range lastYear(LocalDate today) {
        return new Range("last365Days", today.minusDays(365), today, false);
    }

    /** The previous 30-day window's questions without an answer (a window old enough for answers to arrive). */
    static Range previousUnanswered(LocalDate today) {
        Range previous = window(today, 1);
        return new Range("previous30DaysNoAnswers", previous.from(), previous.to(), true);
    }
}
