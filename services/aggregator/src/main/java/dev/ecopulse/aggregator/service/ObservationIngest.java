package dev.ecopulse.aggregator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.aggregator.repository.ObservationRepository;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/** Checks an observation against the contract and the catalog, then stores it once. */
@ApplicationScoped
public class ObservationIngest {

    private static final Logger LOG = Logger.getLogger(ObservationIngest.class);

    private final ObservationRepository repository;
    private final Catalog catalog;

    ObservationIngest(ObservationRepository repository, Catalog catalog) {
        this.repository = repository;
        this.catalog = catalog;
    }

    /** Stores the observation unless it is already stored; throws {@link InvalidObservationException} if invalid. */
    public boolean ingest(IncomingObservation observation) {
        JsonNode payload = parse(observation);
        List<String> errors = EventSchemas.validate(observation.source().eventType(), payload);
        if (!errors.isEmpty()) {
            throw new InvalidObservationException("payload does not match the "
                    + observation.source().eventType() + " schema: " + String.join("; ", errors));
        }
        String projectId = payload.get("projectId").asText();
        if (!projectId.equals(observation.subject()) || !projectId.equals(observation.key())) {
            throw new InvalidObservationException("project '" + projectId + "' differs from ce_subject '"
                    + observation.subject() + "' or record key '" + observation.key() + "'");
        }
        if (catalog.project(projectId).isEmpty()) {
            throw new InvalidObservationException("project '" + projectId + "' is not in the catalog");
        }
        boolean stored = repository.insert(observation, payload);
        if (!stored) {
            LOG.debugf("Observation %s of %s already stored", observation.id(), projectId);
        }
        return stored;
    }

    private static JsonNode parse(IncomingObservation observation) {
        try {
            return EventJson.mapper().readTree(observation.payload());
        } catch (JsonProcessingException e) {
            throw new InvalidObservationException("payload is not JSON: " + e.getOriginalMessage());
        }
    }
}
