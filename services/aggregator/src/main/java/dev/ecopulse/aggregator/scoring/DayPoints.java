package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.contract.event.SubjectStatus;
import java.util.Optional;

/**
 * A subject's observations of one UTC day as scoring keeps them: the latest, and the latest complete one when the
 * latest is partial (it reported missing signals). Keeping the complete one lets a failed collection later the same
 * day fall back to the values collected earlier, instead of losing them.
 */
public record DayPoints(ObservedPoint latest, ObservedPoint complete) {

    public static DayPoints of(ObservedPoint point) {
        return new DayPoints(point, null);
    }

    /** This day with {@code point} added; the same day with nothing changed when the point adds nothing. */
    public DayPoints with(ObservedPoint point) {
        ObservedPoint newest = ObservedPoint.RECENCY.compare(latest, point) >= 0 ? latest : point;
        ObservedPoint fallback = null;
        if (!isComplete(newest)) {
            for (ObservedPoint candidate : new ObservedPoint[] {latest, complete, point}) {
                if (candidate != null && candidate != newest && isComplete(candidate)
                        && (fallback == null || ObservedPoint.RECENCY.compare(candidate, fallback) > 0)) {
                    fallback = candidate;
                }
            }
        }
        return new DayPoints(newest, fallback);
    }

    public Optional<ObservedPoint> completeFallback() {
        return Optional.ofNullable(complete);
    }

    /** Complete: found upstream with every signal reported. */
    static boolean isComplete(ObservedPoint point) {
        return point.payload().status() != SubjectStatus.NOT_FOUND && point.payload().missing().isEmpty();
    }
}
