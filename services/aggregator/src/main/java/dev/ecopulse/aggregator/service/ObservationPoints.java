package dev.ecopulse.aggregator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.aggregator.scoring.ObservedPoint;
import dev.ecopulse.aggregator.scoring.SubjectKey;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.ObservationSource;
import java.time.Instant;

/** Turns observation payloads (as received or as stored) into the typed points scoring works on. */
public final class ObservationPoints {

    private ObservationPoints() {
    }

    static ObservedPoint of(String id, ObservationSource source, Instant observedAt, JsonNode payload) {
        try {
            Observation o = EventJson.mapper().treeToValue(payload, EventJson.payloadType(source));
            return new ObservedPoint(id, new SubjectKey(o.projectId(), source, o.subject()), observedAt, o);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidObservationException("payload does not map to " + source.eventType() + ": "
                    + e.getMessage());
        }
    }

    public static ObservedPoint of(StoredObservation stored) {
        ObservationSource source = ObservationSource.fromId(stored.source())
                .orElseThrow(() -> new IllegalStateException("stored observation " + stored.id()
                        + " has unknown source " + stored.source()));
        try {
            return of(stored.id(), source, stored.observedAt(), EventJson.mapper().readTree(stored.payloadJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored observation " + stored.id() + " is not JSON", e);
        }
    }
}
