package dev.ecopulse.aggregator.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.NeverOnResult;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The latest observation of each project's subject per source (a project may have several PyPI packages or Maven
 * artifacts). A late observation older than the stored one never replaces it: the replacement only matches a stored
 * document that is older, and an upsert that finds a newer one collides on {@code _id} and is dropped.
 */
@ApplicationScoped
public class LatestObservationRepository {

    public static final String COLLECTION = "latest_observations";

    private final MongoCollection<Document> latest;

    LatestObservationRepository(MongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.latest = client.getDatabase(database).getCollection(COLLECTION);
    }

    public void createIndexes() {
        latest.createIndex(Indexes.ascending("projectId"));
    }

    public static String key(String projectId, String source, String subject) {
        return projectId + "|" + source + "|" + subject;
    }

    /** Stores the observation as its subject's latest unless a newer one is stored; true if it was stored. */
    @Retry(maxRetries = -1, delay = 500, maxDuration = 0, jitter = 200)
    @ExponentialBackoff(maxDelay = 30_000)
    @RetryWhen(exception = TransientStoreFailure.class, result = NeverOnResult.class)
    @BeforeRetry(StoreRetryLog.class)
    public boolean storeIfNewer(StoredObservation o) {
        String id = key(o.projectId(), o.source(), o.subject());
        Document doc = new Document("_id", id)
                .append("observationId", o.id())
                .append("source", o.source())
                .append("projectId", o.projectId())
                .append("subject", o.subject())
                .append("observedAt", Date.from(o.observedAt()))
                .append("receivedAt", Date.from(o.receivedAt()))
                .append("payload", Document.parse(o.payloadJson()));
        try {
            latest.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt("observedAt",
                    Date.from(o.observedAt()))), doc, new ReplaceOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // the stored latest is as new or newer
            }
            throw e;
        }
    }

    public List<StoredObservation> findAll() {
        return latest.find().map(LatestObservationRepository::toStored).into(new ArrayList<>());
    }

    public List<StoredObservation> findByProject(String projectId) {
        return latest.find(Filters.eq("projectId", projectId)).map(LatestObservationRepository::toStored)
                .into(new ArrayList<>());
    }

    private static StoredObservation toStored(Document d) {
        return new StoredObservation(d.getString("observationId"), d.getString("source"), d.getString("projectId"),
                d.getString("subject"), d.getDate("observedAt").toInstant(), d.getDate("receivedAt").toInstant(),
                d.get("payload", Document.class).toJson());
    }
}
