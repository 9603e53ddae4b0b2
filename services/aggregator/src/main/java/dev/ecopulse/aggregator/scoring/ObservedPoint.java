package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.contract.event.Observation;
import java.time.Instant;
import java.util.Comparator;

/** A stored observation as scoring sees it: its id, when it was made and its typed payload. */
public record ObservedPoint(String id, SubjectKey key, Instant observedAt, Observation payload) {

    /** Of two observations of a subject, the later one wins; the id breaks ties so arrival order never matters. */
    public static final Comparator<ObservedPoint> RECENCY = Comparator.comparing(ObservedPoint::observedAt)
            .thenComparing(ObservedPoint::id);
}
