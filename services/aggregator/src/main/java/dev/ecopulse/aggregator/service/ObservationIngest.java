package dev.ecopulse.aggregator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.aggregator.repository.LatestObservationRepository;
import dev.ecopulse.aggregator.repository.ObservationRepository;
import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.aggregator.repository.TransientStoreFailure;
import dev.ecopulse.aggregator.scoring.HistorySnapshot;
import dev.ecopulse.aggregator.scoring.ObservedPoint;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Checks an observation against the contract and the catalog, stores it once (and as its subject's latest unless a
 * newer one is stored), then hands it to scoring. Returns only once everything is written, so the caller can
 * acknowledge it; throws {@link InvalidObservationException} for an observation that must go to the dead letters.
 */
@ApplicationScoped
public class ObservationIngest {

    private static final Logger LOG = Logger.getLogger(ObservationIngest.class);

    private final ObservationRepository repository;
    private final LatestObservationRepository latestRepository;
    private final Catalog catalog;
    private final ObservationHistory history;
    private final LatestObservations latest;
    private final ScoreRefresher refresher;
    private final AggregatorMetrics metrics;

    ObservationIngest(ObservationRepository repository, LatestObservationRepository latestRepository,
            Catalog catalog, ObservationHistory history, LatestObservations latest, ScoreRefresher refresher,
            AggregatorMetrics metrics) {
        this.repository = repository;
        this.latestRepository = latestRepository;
        this.catalog = catalog;
        this.history = history;
        this.latest = latest;
        this.refresher = refresher;
        this.metrics = metrics;
    }

    /** Stores the observation unless it is already stored; true if it was new. */
    public boolean ingest(IncomingObservation observation) {
        return metrics.ingestTimer().record(() -> store(observation));
    }

    private boolean store(IncomingObservation observation) {
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
        if (!OffsetDateTime.parse(payload.get("observedAt").asText()).toInstant().equals(observation.time())) {
            throw new InvalidObservationException("payload observedAt " + payload.get("observedAt").asText()
                    + " differs from ce_time " + observation.time());
        }
        if (catalog.project(projectId).isEmpty()) {
            throw new InvalidObservationException("project '" + projectId + "' is not in the catalog");
        }
        ObservedPoint point = ObservationPoints.of(observation.id(), observation.source(), observation.time(),
                payload);
        boolean stored = write(observation, payload, point.payload().subject());
        // a duplicate is applied too: its first delivery may have been written without being acknowledged
        history.add(point);
        latest.offer(new StoredObservation(observation.id(), observation.source().id(), projectId,
                point.payload().subject(), observation.time(), Instant.now(), payload.toString()));
        refresher.observationsChanged(HistorySnapshot.day(observation.time()));
        if (stored) {
            metrics.stored(observation.source().id());
        } else {
            metrics.duplicate(observation.source().id());
            LOG.debugf("Observation %s of %s already stored", observation.id(), projectId);
        }
        return stored;
    }

    private boolean write(IncomingObservation observation, JsonNode payload, String subject) {
        try {
            boolean stored = repository.insert(observation, payload, subject);
            latestRepository.storeIfNewer(new StoredObservation(observation.id(), observation.source().id(),
                    observation.subject(), subject, observation.time(), Instant.now(), payload.toString()));
            return stored;
        } catch (RuntimeException e) {
            if (TransientStoreFailure.isTransient(e)) {
                throw e;
            }
            // the store refuses this document for good: holding the stream for it would stop everything
            throw new InvalidObservationException("the store refused the observation: " + e.getMessage());
        }
    }

    private static JsonNode parse(IncomingObservation observation) {
        try {
            return EventJson.mapper().readTree(observation.payload());
        } catch (JsonProcessingException e) {
            throw new InvalidObservationException("payload is not JSON: " + e.getOriginalMessage());
        }
    }
}
