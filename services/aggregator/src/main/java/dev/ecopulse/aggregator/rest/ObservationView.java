package dev.ecopulse.aggregator.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.ecopulse.aggregator.repository.StoredObservation;
import java.time.Instant;

/** One stored observation as the API shows it; {@code payload} is the event payload as it was received. */
public record ObservationView(
        String id,
        String source,
        String projectId,
        String subject,
        Instant observedAt,
        Instant receivedAt,
        @JsonRawValue String payload) {

    static ObservationView of(StoredObservation o) {
        return new ObservationView(o.id(), o.source(), o.projectId(), o.subject(), o.observedAt(), o.receivedAt(),
                o.payloadJson());
    }
}
