package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.aggregator.scoring.ObservedPoint;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way a stored observation reaches memory (the history scoring runs on and the latest observations the API
 * shows), whether it was just ingested, loaded at start or stored by another replica.
 */
@ApplicationScoped
public class ObservationMemory {

    private final ObservationHistory history;
    private final LatestObservations latest;

    ObservationMemory(ObservationHistory history, LatestObservations latest) {
        this.history = history;
        this.latest = latest;
    }

    /** Applies the stored observation; true if it changed the history. Throws if its payload cannot be scored. */
    public boolean apply(StoredObservation stored) {
        return apply(stored, ObservationPoints.of(stored));
    }

    /** The same, with the point already read from the payload. */
    boolean apply(StoredObservation stored, ObservedPoint point) {
        latest.offer(stored);
        return history.add(point);
    }
}
