package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.aggregator.scoring.Evaluation;
import dev.ecopulse.aggregator.scoring.ScorePoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What the API serves, computed once per refresh: the current scores, each framework's daily history and every
 * project's latest observations. {@code version} changes whenever any of it changes (it makes the ETags).
 */
public record ViewState(
        long version,
        Instant refreshedAt,
        Evaluation current,
        Map<String, NavigableMap<LocalDate, ScorePoint>> frameworkHistory,
        Map<String, List<StoredObservation>> latest) {

    /** Same content, whatever the version and refresh time. */
    boolean sameContent(ViewState other) {
        return other != null && current.equals(other.current) && frameworkHistory.equals(other.frameworkHistory)
                && latest.equals(other.latest);
    }
}
