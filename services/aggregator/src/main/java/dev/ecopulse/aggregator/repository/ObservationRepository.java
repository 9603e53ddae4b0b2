package dev.ecopulse.aggregator.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.ecopulse.aggregator.service.IncomingObservation;
import dev.ecopulse.contract.event.ObservationSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The append-only observation history. Each observation is stored once, under its CloudEvents id; a redelivery finds
 * the id taken and changes nothing.
 */
@ApplicationScoped
public class ObservationRepository {

    static final String COLLECTION = "observations";

    private final MongoCollection<Document> observations;

    ObservationRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.observations = client.getDatabase(database).getCollection(COLLECTION);
    }

    void createIndexes(@Observes StartupEvent start) {
        observations.createIndex(Indexes.compoundIndex(Indexes.ascending("projectId", "source"),
                Indexes.descending("observedAt")));
    }

    /**
     * Inserts the observation; false if it was already stored. A store that cannot be reached is retried with
     * backoff for as long as it takes, so nothing is acknowledged before it is written.
     */
    @Retry(maxRetries = -1, delay = 500, maxDuration = 0, abortOn = IllegalArgumentException.class)
    @ExponentialBackoff(maxDelay = 30_000)
    public boolean insert(IncomingObservation observation, JsonNode payload) {
        Document doc = new Document("_id", observation.id())
                .append("source", observation.source().id())
                .append("projectId", observation.subject())
                .append("subject", payload.path(subjectField(observation.source())).asText())
                .append("observedAt", Date.from(observation.time()))
                .append("receivedAt", new Date())
                .append("payload", Document.parse(payload.toString()));
        try {
            observations.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** A project's observations, newest first. */
    public List<StoredObservation> findByProject(String projectId, Optional<ObservationSource> source, int limit) {
        Bson filter = source.map(s -> Filters.and(Filters.eq("projectId", projectId), Filters.eq("source", s.id())))
                .orElse(Filters.eq("projectId", projectId));
        return observations.find(filter).sort(Sorts.descending("observedAt")).limit(limit)
                .map(ObservationRepository::toStored).into(new ArrayList<>());
    }

    public long count() {
        return observations.countDocuments();
    }

    private static String subjectField(ObservationSource source) {
        return switch (source) {
            case GITHUB -> "repository";
            case PYPI -> "packageName";
            case MAVEN -> "coordinate";
        };
    }

    private static StoredObservation toStored(Document doc) {
        return new StoredObservation(doc.getString("_id"), doc.getString("source"), doc.getString("projectId"),
                doc.getString("subject"), doc.getDate("observedAt").toInstant(),
                doc.getDate("receivedAt").toInstant(), doc.get("payload", Document.class).toJson());
    }
}
