package dev.ecopulse.aggregator.repository;

import java.time.Instant;

/**
 * A place in a project's history, newest first: the last observation of a page. The next page starts strictly after
 * it (older, or as old with a smaller id), found through the index instead of skipping what came before.
 */
public record HistoryPosition(Instant observedAt, String id) {

    public static HistoryPosition after(StoredObservation last) {
        return new HistoryPosition(last.observedAt(), last.id());
    }
}
