package dev.ecopulse.aggregator.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import dev.ecopulse.contract.event.ObservationSource;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.NeverOnResult;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The append-only observation history. Each observation is stored once, under its CloudEvents id ({@code _id}, so
 * unique); a redelivery finds the id taken and changes nothing.
 */
@ApplicationScoped
public class ObservationRepository {

    public static final String COLLECTION = "observations";

    private final MongoCollection<Document> observations;

    ObservationRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.observations = client.getDatabase(database).getCollection(COLLECTION);
    }

    public void createIndexes() {
        // pages of one project's history (one source, or any) walk these indexes in page order from a position:
        // never a skip, never a sort of the whole history
        observations.createIndex(Indexes.compoundIndex(Indexes.ascending("projectId", "source"),
                Indexes.descending("observedAt", "_id")));
        observations.createIndex(Indexes.compoundIndex(Indexes.ascending("projectId"),
                Indexes.descending("observedAt", "_id")));
        observations.createIndex(Indexes.ascending("observedAt"));
        observations.createIndex(Indexes.ascending("receivedAt"));
    }

    /**
     * Inserts the observation; false if it was already stored. While the store cannot be reached the insert is
     * retried with backoff for as long as it takes, so the caller acknowledges nothing before it is written.
     */
    @Retry(maxRetries = -1, delay = 500, maxDuration = 0, jitter = 200)
    @ExponentialBackoff(maxDelay = 30_000)
    @RetryWhen(exception = TransientStoreFailure.class, result = NeverOnResult.class)
    @BeforeRetry(StoreRetryLog.class)
    public boolean insert(StoredObservation observation) {
        try {
            observations.insertOne(document(observation, new Date()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Inserts a batch with one unordered insert: a document whose id is taken (stored before, or earlier in the same
     * batch) is a duplicate and the rest are inserted all the same. While the store cannot be reached the whole insert
     * is retried with backoff for as long as it takes (documents it already wrote then come back as duplicates).
     */
    @Retry(maxRetries = -1, delay = 500, maxDuration = 0, jitter = 200)
    @ExponentialBackoff(maxDelay = 30_000)
    @RetryWhen(exception = TransientStoreFailure.class, result = NeverOnResult.class)
    @BeforeRetry(StoreRetryLog.class)
    public BatchWrite insertAll(List<StoredObservation> batch) {
        if (batch.isEmpty()) {
            return BatchWrite.ALL_WRITTEN;
        }
        Date receivedAt = new Date();
        List<Document> docs = new ArrayList<>(batch.size());
        batch.forEach(o -> docs.add(document(o, receivedAt)));
        try {
            observations.insertMany(docs, new InsertManyOptions().ordered(false));
            return BatchWrite.ALL_WRITTEN;
        } catch (MongoBulkWriteException e) {
            if (TransientStoreFailure.isTransient(e)) {
                throw e;
            }
            return BatchWrite.of(e);
        }
    }

    private static Document document(StoredObservation observation, Date receivedAt) {
        return new Document("_id", observation.id())
                .append("source", observation.source())
                .append("projectId", observation.projectId())
                .append("subject", observation.subject())
                .append("observedAt", Date.from(observation.observedAt()))
                // stamped by each try, not taken from the record: replicas sync by the time it was really written
                .append("receivedAt", receivedAt)
                .append("payload", Document.parse(observation.payloadJson()));
    }

    /**
     * A page of a project's observations, newest first (ties by id, so pages are stable), starting after
     * {@code after} when given: the work per page is bounded by {@code limit}, however deep the page.
     */
    public List<StoredObservation> findByProject(String projectId, Optional<ObservationSource> source,
            Optional<Instant> from, Optional<Instant> to, Optional<HistoryPosition> after, int limit) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("projectId", projectId));
        source.ifPresent(s -> filters.add(Filters.eq("source", s.id())));
        from.ifPresent(f -> filters.add(Filters.gte("observedAt", Date.from(f))));
        to.ifPresent(t -> filters.add(Filters.lte("observedAt", Date.from(t))));
        after.ifPresent(p -> filters.add(Filters.or(Filters.lt("observedAt", Date.from(p.observedAt())),
                Filters.and(Filters.eq("observedAt", Date.from(p.observedAt())), Filters.lt("_id", p.id())))));
        return observations.find(Filters.and(filters))
                .sort(Sorts.orderBy(Sorts.descending("observedAt"), Sorts.descending("_id")))
                .limit(limit)
                .map(ObservationRepository::toStored).into(new ArrayList<>());
    }

    /** Every stored observation, in no particular order. */
    public void forEach(Consumer<StoredObservation> consumer) {
        observations.find().batchSize(1000).map(ObservationRepository::toStored).forEach(consumer);
    }

    /** Observations made in {@code [from, to)}, in no particular order: the days of history a rescore reads. */
    public void forEachObservedBetween(Instant from, Instant to, Consumer<StoredObservation> consumer) {
        observations.find(Filters.and(Filters.gte("observedAt", Date.from(from)), Filters.lt("observedAt",
                Date.from(to)))).batchSize(1000).map(ObservationRepository::toStored).forEach(consumer);
    }

    /** When the newest stored observation was made. */
    public Optional<Instant> newestObservedAt() {
        return Optional.ofNullable(observations.find().sort(Sorts.descending("observedAt")).limit(1)
                .projection(new Document("observedAt", 1)).first()).map(d -> d.getDate("observedAt").toInstant());
    }

    /** The earliest day among observations stored (by any replica) at or after {@code since}. */
    public Optional<Instant> earliestObservedReceivedSince(Instant since) {
        return Optional.ofNullable(observations.find(Filters.gte("receivedAt", Date.from(since)))
                .sort(Sorts.ascending("observedAt")).limit(1).projection(new Document("observedAt", 1)).first())
                .map(d -> d.getDate("observedAt").toInstant());
    }

    /** Observations stored (by any replica) at or after {@code since}, oldest first. */
    public void forEachReceivedSince(Instant since, Consumer<StoredObservation> consumer) {
        observations.find(Filters.gte("receivedAt", Date.from(since))).sort(Sorts.ascending("receivedAt"))
                .batchSize(1000).map(ObservationRepository::toStored).forEach(consumer);
    }

    public long count() {
        return observations.countDocuments();
    }

    public long countByProject(String projectId) {
        return observations.countDocuments(Filters.eq("projectId", projectId));
    }

    static StoredObservation toStored(Document doc) {
        return new StoredObservation(doc.getString("_id"), doc.getString("source"), doc.getString("projectId"),
                doc.getString("subject"), doc.getDate("observedAt").toInstant(),
                doc.getDate("receivedAt").toInstant(), doc.get("payload", Document.class).toJson());
    }
}
