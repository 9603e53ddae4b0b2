package dev.ecopulse.aggregator.repository;

import dev.ecopulse.contract.event.SeriesObservation.Flow;
import java.time.Instant;

/** A flow as stored: whose it is, its count, where it came from and when it was last written. */
public record StoredFlow(
        String source,
        String projectId,
        String subject,
        Flow flow,
        String origin,
        String seriesId,
        Instant storedAt) {
}
