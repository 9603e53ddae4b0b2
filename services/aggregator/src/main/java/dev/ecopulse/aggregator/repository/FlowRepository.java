package dev.ecopulse.aggregator.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteUpsert;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.NeverOnResult;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The dated flows of every subject: one document per source, subject (canonical name), signal and date range, under a
 * deterministic {@code _id}, holding the latest count of that range. Writing the same flows again changes nothing; a
 * range counted anew gets the new count (and a new {@code storedAt}, so other replicas pick it up).
 */
@ApplicationScoped
public class FlowRepository {

    public static final String COLLECTION = "flows";

    private final MongoCollection<Document> flows;

    FlowRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.flows = client.getDatabase(database).getCollection(COLLECTION);
    }

    /**
     * What a write did: flows new to the store, flows whose count changed, flows already stored as they are, and the
     * first day of the flows new or changed (empty when nothing was).
     */
    public record WriteCount(int inserted, int updated, int unchanged, Optional<LocalDate> firstChanged) {

        public int stored() {
            return inserted + updated;
        }
    }

    public void createIndexes() {
        flows.createIndex(Indexes.ascending("storedAt"));
        flows.createIndex(Indexes.ascending("projectId", "source", "signal"));
        flows.createIndex(Indexes.ascending("to"));
    }

    public static String id(String source, String subject, Flow f) {
        return String.join("|", source, subject, f.signal(), f.from().toString(), f.to().toString());
    }

    /**
     * Upserts the flows of one subject ({@code subject} canonical), each step safe to repeat: an unordered bulk write
     * inserts the ranges the store lacks, then the ranges stored with another count get the new one. While the store
     * cannot be reached the write is retried with backoff, so the caller acknowledges nothing before it is written.
     */
    @Retry(maxRetries = -1, delay = 500, maxDuration = 0, jitter = 200)
    @ExponentialBackoff(maxDelay = 30_000)
    @RetryWhen(exception = TransientStoreFailure.class, result = NeverOnResult.class)
    @BeforeRetry(StoreRetryLog.class)
    public WriteCount upsert(String source, String projectId, String subject, String origin, String seriesId,
            List<Flow> list) {
        return upsertOnce(source, projectId, subject, origin, seriesId, list);
    }

    /** The same write, tried once: for a caller that answers a person instead of holding a stream. */
    public WriteCount upsertOnce(String source, String projectId, String subject, String origin, String seriesId,
            List<Flow> list) {
        if (list.isEmpty()) {
            return new WriteCount(0, 0, 0, Optional.empty());
        }
        Date now = new Date();
        List<String> ids = list.stream().map(f -> id(source, subject, f)).toList();
        List<WriteModel<Document>> inserts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Flow f = list.get(i);
            inserts.add(new UpdateOneModel<>(Filters.eq("_id", ids.get(i)), Updates.combine(
                    Updates.setOnInsert("source", source),
                    Updates.setOnInsert("projectId", projectId),
                    Updates.setOnInsert("subject", subject),
                    Updates.setOnInsert("signal", f.signal()),
                    Updates.setOnInsert("from", f.from().toString()),
                    Updates.setOnInsert("to", f.to().toString()),
                    Updates.setOnInsert("count", f.count()),
                    Updates.setOnInsert("origin", origin),
                    Updates.setOnInsert("seriesId", seriesId),
                    Updates.setOnInsert("storedAt", now)), new UpdateOptions().upsert(true)));
        }
        List<Flow> changed = new ArrayList<>();
        insertMissing(inserts).forEach(i -> changed.add(list.get(i)));
        int inserted = changed.size();
        Map<String, Long> stored = new HashMap<>();
        flows.find(Filters.in("_id", ids)).projection(Projections.include("count"))
                .forEach(d -> stored.put(d.getString("_id"), ((Number) d.get("count")).longValue()));
        List<WriteModel<Document>> updates = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Flow f = list.get(i);
            Long count = stored.get(ids.get(i));
            if (count != null && count != f.count()) {
                changed.add(f);
                // the filter keeps a repeated or concurrent write from counting twice
                updates.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", ids.get(i)),
                        Filters.ne("count", f.count())), Updates.combine(Updates.set("count", f.count()),
                                Updates.set("origin", origin), Updates.set("seriesId", seriesId),
                                Updates.set("storedAt", now))));
            }
        }
        int updated = updates.isEmpty() ? 0
                : flows.bulkWrite(updates, new BulkWriteOptions().ordered(false)).getModifiedCount();
        Optional<LocalDate> first = changed.stream().map(Flow::from).min(LocalDate::compareTo);
        return new WriteCount(inserted, updated, list.size() - inserted - updated, first);
    }

    /** Indexes (in {@code inserts}) of the ranges this write inserted. */
    private List<Integer> insertMissing(List<WriteModel<Document>> inserts) {
        try {
            return flows.bulkWrite(inserts, new BulkWriteOptions().ordered(false)).getUpserts().stream()
                    .map(BulkWriteUpsert::getIndex).toList();
        } catch (MongoBulkWriteException e) {
            // another writer inserted the same range at the same moment: it exists now, which is all this step wants
            if (e.getWriteErrors().stream().map(BulkWriteError::getCategory)
                    .allMatch(c -> c == ErrorCategory.DUPLICATE_KEY) && e.getWriteConcernError() == null) {
                return e.getWriteResult().getUpserts().stream().map(BulkWriteUpsert::getIndex).toList();
            }
            throw e;
        }
    }

    /** Every stored flow, in no particular order. */
    public void forEach(Consumer<StoredFlow> consumer) {
        flows.find().batchSize(1000).map(FlowRepository::toStored).forEach(consumer);
    }

    /** Flows with a day in {@code [from, until)}, in no particular order: the flows a rescore of those days reads. */
    public void forEachOverlapping(LocalDate from, LocalDate until, Consumer<StoredFlow> consumer) {
        // dates are stored as ISO text, whose order is the dates' order; "to" is exclusive
        flows.find(Filters.and(Filters.gt("to", from.toString()), Filters.lt("from", until.toString())))
                .batchSize(1000).map(FlowRepository::toStored).forEach(consumer);
    }

    /** The latest (exclusive) end of any stored flow. */
    public Optional<LocalDate> latestEnd() {
        return Optional.ofNullable(flows.find().sort(Sorts.descending("to")).limit(1)
                .projection(Projections.include("to")).first()).map(d -> LocalDate.parse(d.getString("to")));
    }

    /** The first day among flows written (by any replica) at or after {@code since}. */
    public Optional<LocalDate> earliestDayStoredSince(Instant since) {
        return Optional.ofNullable(flows.find(Filters.gte("storedAt", Date.from(since))).sort(Sorts.ascending("from"))
                .limit(1).projection(Projections.include("from")).first()).map(d -> LocalDate.parse(d.getString("from")));
    }

    /** Flows written (by any replica) at or after {@code since}, oldest first. */
    public void forEachStoredSince(Instant since, Consumer<StoredFlow> consumer) {
        flows.find(Filters.gte("storedAt", Date.from(since))).sort(Sorts.ascending("storedAt"))
                .batchSize(1000).map(FlowRepository::toStored).forEach(consumer);
    }

    public long count() {
        return flows.countDocuments();
    }

    public long countByProject(String projectId) {
        return flows.countDocuments(Filters.eq("projectId", projectId));
    }

    private static StoredFlow toStored(Document d) {
        Flow flow = new Flow(d.getString("signal"), LocalDate.parse(d.getString("from")),
                LocalDate.parse(d.getString("to")), ((Number) d.get("count")).longValue());
        return new StoredFlow(d.getString("source"), d.getString("projectId"), d.getString("subject"), flow,
                d.getString("origin"), d.getString("seriesId"), d.getDate("storedAt").toInstant());
    }
}
