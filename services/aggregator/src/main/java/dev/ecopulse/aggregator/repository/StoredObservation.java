package dev.ecopulse.aggregator.repository;

import java.time.Instant;

/** An observation as stored: its CloudEvents id, where it came from, when, and its payload as JSON text. */
public record StoredObservation(
        String id,
        String source,
        String projectId,
        String subject,
        Instant observedAt,
        Instant receivedAt,
        String payloadJson) {
}
