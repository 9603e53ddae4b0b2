package dev.ecopulse.aggregator.service;

import dev.ecopulse.contract.event.ObservationSource;
import java.time.Instant;

/** A series event as it arrived: its CloudEvents attributes, its record key and its JSON payload. */
public record IncomingSeries(
        String id,
        ObservationSource source,
        String subject,
        String key,
        Instant time,
        String payload) implements IncomingEvent {
}
