package dev.ecopulse.aggregator.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.NeverOnResult;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
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

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

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
        try {
            latest.replaceOne(newerThanStored(o), document(o), UPSERT);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // the stored latest is as new or newer
            }
            throw e;
        }
    }

    /**
     * {@link #storeIfNewer} for a batch, as one unordered bulk write of the same guarded upserts. Of several
     * observations of one subject in the batch only the newest (the first of equals) is written: the others would
     * lose to it anyway. In the answer a duplicate means the stored latest was as new or newer; a refused index is an
     * observation whose latest the store refused for good. Retried like {@link #storeIfNewer} while the store is down.
     */
    @Retry(maxRetries = -1, delay = 500, maxDuration = 0, jitter = 200)
    @ExponentialBackoff(maxDelay = 30_000)
    @RetryWhen(exception = TransientStoreFailure.class, result = NeverOnResult.class)
    @BeforeRetry(StoreRetryLog.class)
    public BatchWrite storeAllIfNewer(List<StoredObservation> batch) {
        Map<String, Integer> newest = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            StoredObservation o = batch.get(i);
            newest.merge(key(o.projectId(), o.source(), o.subject()), i,
                    (kept, candidate) -> batch.get(candidate).observedAt().isAfter(batch.get(kept).observedAt())
                            ? candidate : kept);
        }
        if (newest.isEmpty()) {
            return BatchWrite.ALL_WRITTEN;
        }
        List<Integer> indexes = List.copyOf(newest.values());
        List<WriteModel<Document>> writes = new ArrayList<>(indexes.size());
        indexes.forEach(i -> writes.add(new ReplaceOneModel<>(newerThanStored(batch.get(i)), document(batch.get(i)),
                UPSERT)));
        try {
            latest.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return BatchWrite.ALL_WRITTEN;
        } catch (MongoBulkWriteException e) {
            if (TransientStoreFailure.isTransient(e)) {
                throw e;
            }
            return BatchWrite.of(e.getWriteErrors(), indexes);
        }
    }

    /** Matches the stored latest of the observation's subject only if it is older; an upsert then collides if not. */
    private static Bson newerThanStored(StoredObservation o) {
        return Filters.and(Filters.eq("_id", key(o.projectId(), o.source(), o.subject())),
                Filters.lt("observedAt", Date.from(o.observedAt())));
    }

    private static Document document(StoredObservation o) {
        return new Document("_id", key(o.projectId(), o.source(), o.subject()))
                .append("observationId", o.id())
                .append("source", o.source())
                .append("projectId", o.projectId())
                .append("subject", o.subject())
                .append("observedAt", Date.from(o.observedAt()))
                .append("receivedAt", Date.from(o.receivedAt()))
                .append("payload", Document.parse(o.payloadJson()));
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
