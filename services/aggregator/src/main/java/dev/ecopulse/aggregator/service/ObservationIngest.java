package dev.ecopulse.aggregator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.aggregator.config.IngestConfig;
import dev.ecopulse.aggregator.repository.LatestObservationRepository;
import dev.ecopulse.aggregator.repository.ObservationRepository;
import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.aggregator.repository.TransientStoreFailure;
import dev.ecopulse.aggregator.scoring.HistorySnapshot;
import dev.ecopulse.aggregator.scoring.ObservedPoint;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.ObservationSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Checks an observation against the contract and the catalog (its project or framework and subject are the catalog's, it is not
 * from the future, its {@code ce_id} is the one its content derives), stores it once (and as its subject's latest unless a
 * newer one is stored), then hands it to scoring. Returns only once everything is written, so the caller can
 * acknowledge it; throws {@link InvalidObservationException} for an observation that must go to the dead letters.
 */
@ApplicationScoped
public class ObservationIngest {

    private static final Logger LOG = Logger.getLogger(ObservationIngest.class);

    private final ObservationRepository repository;
    private final LatestObservationRepository latestRepository;
    private final Catalog catalog;
    private final ObservationMemory memory;
    private final ScoreRefresher refresher;
    private final AggregatorMetrics metrics;
    private final IngestConfig config;

    ObservationIngest(ObservationRepository repository, LatestObservationRepository latestRepository,
            Catalog catalog, ObservationMemory memory, ScoreRefresher refresher, AggregatorMetrics metrics,
            IngestConfig config) {
        this.repository = repository;
        this.latestRepository = latestRepository;
        this.catalog = catalog;
        this.memory = memory;
        this.refresher = refresher;
        this.metrics = metrics;
        this.config = config;
    }

    /** An observation that passed every check, ready to be stored and applied. */
    public record Checked(IncomingObservation observation, StoredObservation record, ObservedPoint point) {
    }

    /** Stores the observation unless it is already stored; true if it was new. */
    public boolean ingest(IncomingObservation observation) {
        return metrics.ingestTimer().record(() -> store(check(observation)));
    }

    /** Every check of {@link #ingest} without storing anything; throws {@link InvalidObservationException}. */
    public Checked check(IncomingObservation observation) {
        JsonNode payload = parse(observation);
        List<String> errors = EventSchemas.validate(observation.source().eventType(), payload);
        if (!errors.isEmpty()) {
            throw new InvalidObservationException("payload does not match the "
                    + observation.source().eventType() + " schema: " + String.join("; ", errors));
        }
        String keyField = observation.source().frameworkLevel() ? "frameworkId" : "projectId";
        String projectId = payload.get(keyField).asText();
        if (!projectId.equals(observation.subject()) || !projectId.equals(observation.key())) {
            throw new InvalidObservationException(keyField + " '" + projectId + "' differs from ce_subject '"
                    + observation.subject() + "' or record key '" + observation.key() + "'");
        }
        if (!OffsetDateTime.parse(payload.get("observedAt").asText()).toInstant().equals(observation.time())) {
            throw new InvalidObservationException("payload observedAt " + payload.get("observedAt").asText()
                    + " differs from ce_time " + observation.time());
        }
        ObservedPoint point = ObservationPoints.of(observation.id(), observation.source(), observation.time(),
                payload);
        String subject = point.payload().subject();
        checkTrusted(observation, projectId, subject);
        StoredObservation record = new StoredObservation(observation.id(), observation.source().id(), projectId,
                subject, observation.time(), Instant.now(), payload.toString());
        return new Checked(observation, record, point);
    }

    /** Stores a checked observation unless it is already stored, and applies it; true if it was new. */
    public boolean store(Checked checked) {
        IncomingObservation observation = checked.observation();
        StoredObservation record = checked.record();
        ObservedPoint point = checked.point();
        String projectId = record.projectId();
        boolean stored = write(record);
        // a duplicate is applied too: its first delivery may have been written without being acknowledged
        memory.apply(record, point);
        refresher.observationsChanged(HistorySnapshot.day(observation.time()));
        if (stored) {
            metrics.stored(observation.source().id());
        } else {
            metrics.duplicate(observation.source().id());
            LOG.debugf("Observation %s of %s already stored", observation.id(), projectId);
        }
        return stored;
    }

    /** Rejects what a well-behaved collector never sends: a foreign subject, a future time, a forged id. */
    private void checkTrusted(IncomingObservation observation, String key, String subject) {
        CatalogSubjects.check(catalog, observation.source(), key, subject);
        Instant now = Instant.now();
        if (observation.time().isAfter(now.plus(config.maxClockSkew()))) {
            throw new InvalidObservationException("observedAt " + observation.time() + " is in the future (more than "
                    + config.maxClockSkew() + " ahead of " + now + ")");
        }
        String expected = EventIds.observationId(observation.source(), key, subject, observation.time(),
                config.idBucket());
        if (!expected.equals(observation.id())) {
            throw new InvalidObservationException("ce_id '" + observation.id() + "' is not the id derived from"
                    + " source, project, subject and time bucket ('" + expected + "')");
        }
    }

    private boolean write(StoredObservation record) {
        try {
            boolean stored = repository.insert(record);
            latestRepository.storeIfNewer(record);
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
