package dev.ecopulse.huggingface.service;

import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Models created per 30-day window of UTC days, the newest ending at the run's day (exclusive): {@link #RECENT} windows
 * every run, every window back to {@link #FIRST_DATED_DAY} on a backfill. A window is sent only when the paging reached
 * back past its first day: an incomplete count is never sent.
 */
final class ModelWindows {

    static final int DAYS = 30;
    static final int RECENT = 6;
    /**
     * The Hub gives every repository created before it began storing creation dates the same {@code createdAt}
     * (documented: 2022-03-02T23:29:04.000Z); such models have no known creation day and are in no window, so the first
     * window that can be complete starts the day after.
     */
    static final Instant UNDATED = Instant.parse("2022-03-02T23:29:04Z");
    static final LocalDate FIRST_DATED_DAY = LocalDate.of(2022, 3, 3);

    private ModelWindows() {
    }

    /** The complete windows, newest first: as many as asked for, or fewer where the paging stopped or dates begin. */
    static List<Flow> of(TaggedModels models, LocalDate today, boolean backfill) {
        int wanted = backfill ? Integer.MAX_VALUE : RECENT;
        List<Flow> flows = new ArrayList<>();
        LocalDate to = today;
        while (flows.size() < wanted) {
            LocalDate from = to.minusDays(DAYS);
            if (from.isBefore(FIRST_DATED_DAY) || !models.reached(start(from))) {
                break;
            }
            Instant fromInstant = start(from);
            Instant toInstant = start(to);
            long count = models.created().values().stream().filter(at -> at != null && !at.equals(UNDATED)
                    && !at.isBefore(fromInstant) && at.isBefore(toInstant)).count();
            flows.add(new Flow(SeriesObservation.Signals.MODELS, from, to, count));
            to = from;
        }
        return flows;
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
