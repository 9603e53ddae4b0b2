package dev.ecopulse.research.service;

import dev.ecopulse.collector.run.CollectionTarget;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The counts one run wants, most valuable first, so a budget that runs short cuts the least useful ones: last year's
 * works for every framework, then the year before, then the two most recent 30-day windows of the series, then the
 * rest of a backfill's 13 windows.
 */
final class CountPlan {

    static final int YEAR_DAYS = 365;
    static final int WINDOW_DAYS = 30;
    static final int RECENT_WINDOWS = 2;
    static final int BACKFILL_WINDOWS = 13;

    enum Kind {
        LAST_YEAR("works.lastYear"),
        PREVIOUS_YEAR("works.previousYear"),
        WINDOW("works");

        final String signal;

        Kind(String signal) {
            this.signal = signal;
        }
    }

    /** One count: works of {@code target}'s search published from {@code from} through {@code through}. */
    record Count(CollectionTarget target, Kind kind, int window, LocalDate from, LocalDate through) {
    }

    private CountPlan() {
    }

    /**
     * @param through the last day counted (today minus the indexing lag)
     * @param backfill which targets read their past this run
     */
    static List<Count> of(List<CollectionTarget> targets, LocalDate through, Predicate<CollectionTarget> backfill) {
        List<Count> plan = new ArrayList<>();
        LocalDate yearStart = through.minusDays(YEAR_DAYS - 1);
        targets.forEach(t -> plan.add(new Count(t, Kind.LAST_YEAR, -1, yearStart, through)));
        targets.forEach(t -> plan.add(new Count(t, Kind.PREVIOUS_YEAR, -1, yearStart.minusDays(YEAR_DAYS),
                yearStart.minusDays(1))));
        int most = BACKFILL_WINDOWS;
        for (int w = 0; w < most; w++) {
            for (CollectionTarget t : targets) {
                if (w < RECENT_WINDOWS || backfill.test(t)) {
                    plan.add(window(t, w, through));
                }
            }
        }
        return plan;
    }

    /** Window {@code w} (0 the most recent): the 30 days ending {@code 30 × w} days before {@code through}. */
    static Count window(CollectionTarget target, int w, LocalDate through) {
        LocalDate last = through.minusDays((long) WINDOW_DAYS * w);
        return new Count(target, Kind.WINDOW, w, last.minusDays(WINDOW_DAYS - 1), last);
    }

    /** Windows a target wants this run. */
    static int windows(boolean backfill) {
        return backfill ? BACKFILL_WINDOWS : RECENT_WINDOWS;
    }
}
