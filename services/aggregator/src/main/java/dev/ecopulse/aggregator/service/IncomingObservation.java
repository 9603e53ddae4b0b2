package dev.ecopulse.aggregator.service;

import dev.ecopulse.contract.event.ObservationSource;
import java.time.Instant;

/** An observation as it arrived: its CloudEvents attributes, its record key and its JSON payload. */
public record IncomingObservation(
        String id,
        ObservationSource source,
        String subject,
        String key,
        Instant time,
        String payload) implements IncomingEvent {
}
