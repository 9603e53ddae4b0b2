package dev.ecopulse.aggregator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.aggregator.config.IngestConfig;
import dev.ecopulse.aggregator.repository.BatchWrite;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Checks an observation against the contract and the catalog (its project or framework and subject are the catalog's, it is not
 * from the future, its {@code ce_id} is the one its content derives), stores it once (and as its subject's latest unless a
 * newer one is stored), then hands it to scoring. The consumer checks each record and stores a batch's valid
 * observations at once ({@link #storeAll}). Returns only once everything is written, so the caller can acknowledge
 * it; throws (or, for a batch, names) {@link InvalidObservationException} for what must go to the dead letters.
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

    /** Every check of an observation, storing nothing; throws {@link InvalidObservationException}. */
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
        boolean stored = write(checked.record());
        applied(checked, stored);
        return stored;
    }

    /** Applies a stored observation, new or not, and counts it. */
    private void applied(Checked checked, boolean stored) {
        IncomingObservation observation = checked.observation();
        // a duplicate is applied too: its first delivery may have been written without being acknowledged
        memory.apply(checked.record(), checked.point());
        refresher.observationsChanged(HistorySnapshot.day(observation.time()));
        if (stored) {
            metrics.stored(observation.source().id());
        } else {
            metrics.duplicate(observation.source().id());
            LOG.debugf("Observation %s of %s already stored", observation.id(), checked.record().projectId());
        }
    }

    /**
     * What storing a batch did: observations new in the store, observations already stored (both applied), and the
     * observations the store refused for good, by their index in the batch, each with the reason for the dead letters.
     */
    public record BatchStored(int stored, int duplicates, Map<Integer, InvalidObservationException> refused) {
    }

    /**
     * Stores checked observations with one unordered insert and one unordered bulk write of their latest-observation
     * upserts, then applies each stored or already stored one as {@link #store} does. Returns only once everything
     * is written (the store waits included), so the caller can acknowledge the batch.
     */
    public BatchStored storeAll(List<Checked> batch) {
        List<StoredObservation> records = batch.stream().map(Checked::record).toList();
        Set<Integer> duplicates;
        Map<Integer, InvalidObservationException> refused = new TreeMap<>();
        try {
            BatchWrite inserted = repository.insertAll(records);
            duplicates = inserted.duplicates();
            inserted.refused().forEach((i, reason) -> refused.put(i, refusal(reason)));
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                if (!refused.containsKey(i)) {
                    kept.add(i);
                }
            }
            // a duplicate's latest is written too: its first delivery may have been inserted and no more
            BatchWrite latest = latestRepository.storeAllIfNewer(kept.stream().map(records::get).toList());
            latest.refused().forEach((i, reason) -> refused.put(kept.get(i), refusal(reason)));
        } catch (RuntimeException e) {
            if (TransientStoreFailure.isTransient(e)) {
                throw e;
            }
            // the store refused the whole write for good, not one document of it: one at a time finds the culprit
            LOG.warnf("The store refused a batch of %d observations (%s); storing them one at a time", batch.size(),
                    e.getMessage());
            return storeOneByOne(batch);
        }
        int stored = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (!refused.containsKey(i)) {
                boolean isNew = !duplicates.contains(i);
                applied(batch.get(i), isNew);
                stored += isNew ? 1 : 0;
            }
        }
        return new BatchStored(stored, batch.size() - stored - refused.size(), refused);
    }

    private BatchStored storeOneByOne(List<Checked> batch) {
        int stored = 0;
        int duplicates = 0;
        Map<Integer, InvalidObservationException> refused = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                if (store(batch.get(i))) {
                    stored++;
                } else {
                    duplicates++;
                }
            } catch (InvalidObservationException e) {
                refused.put(i, e);
            }
        }
        return new BatchStored(stored, duplicates, refused);
    }

    private static InvalidObservationException refusal(String reason) {
        return new InvalidObservationException("the store refused the observation: " + reason);
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
