package dev.ecopulse.aggregator.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import dev.ecopulse.aggregator.scoring.Level;
import dev.ecopulse.aggregator.scoring.ScorePoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Score history: one document per project or framework and UTC day, holding its scores as of the end of that day.
 * Days are recomputed from the observations, so writing a day again replaces it.
 */
@ApplicationScoped
public class ScoreHistoryRepository {

    public static final String COLLECTION = "score_history";

    private final MongoCollection<Document> history;

    ScoreHistoryRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.history = client.getDatabase(database).getCollection(COLLECTION);
    }

    /** A score point of one subject. */
    public record SubjectPoint(Level level, String subjectId, ScorePoint point) {

        public String key() {
            return level.name().toLowerCase(Locale.ROOT) + "|" + subjectId + "|" + point.date();
        }
    }

    public void createIndexes() {
        history.createIndex(Indexes.ascending("level", "subjectId", "date"));
        history.createIndex(Indexes.ascending("date"));
    }

    public void saveAll(Collection<SubjectPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = points.stream().map(p -> new ReplaceOneModel<>(
                Filters.eq("_id", p.key()), toDocument(p), new ReplaceOptions().upsert(true))).toList();
        history.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    public List<SubjectPoint> findAll() {
        return history.find().map(ScoreHistoryRepository::fromDocument).into(new ArrayList<>());
    }

    /** Every point of one level (frameworks: a few per day, whatever the catalog's size). */
    public List<SubjectPoint> findByLevel(Level level) {
        return history.find(Filters.eq("level", level.name().toLowerCase(Locale.ROOT)))
                .map(ScoreHistoryRepository::fromDocument).into(new ArrayList<>());
    }

    /** Every point of {@code from} or later. */
    public void forEachFrom(LocalDate from, Consumer<SubjectPoint> consumer) {
        // dates are stored as ISO text, whose order is the dates' order
        history.find(Filters.gte("date", from.toString())).batchSize(1000).map(ScoreHistoryRepository::fromDocument)
                .forEach(consumer);
    }

    private static Document toDocument(SubjectPoint p) {
        ScorePoint s = p.point();
        Document dimensions = new Document();
        s.dimensions().forEach(dimensions::append);
        Document shares = document(s.shares());
        Document flowShares = document(s.flowShares30());
        return new Document("_id", p.key())
                .append("level", p.level().name().toLowerCase(Locale.ROOT))
                .append("subjectId", p.subjectId())
                .append("date", s.date().toString())
                .append("maturity", s.maturity())
                .append("band", s.band())
                .append("coverage", s.coverage())
                .append("dimensions", dimensions)
                .append("momentum30", s.momentum30())
                .append("momentum90", s.momentum90())
                .append("shareMomentum30", s.shareMomentum30())
                .append("shareMomentum90", s.shareMomentum90())
                .append("trend30", s.trend30())
                .append("trend90", s.trend90())
                .append("shares", shares)
                .append("flowShares30", flowShares)
                .append("asOf", s.asOf() == null ? null : Date.from(s.asOf()));
    }

    private static SubjectPoint fromDocument(Document d) {
        Map<String, Double> dimensions = new LinkedHashMap<>();
        d.get("dimensions", Document.class).forEach((k, v) -> dimensions.put(k, v == null ? null
                : ((Number) v).doubleValue()));
        Map<String, Double> shares = numbers(d.get("shares"));
        Map<String, Double> flowShares = numbers(d.get("flowShares30"));
        Date asOf = d.getDate("asOf");
        return new SubjectPoint(Level.valueOf(d.getString("level").toUpperCase(Locale.ROOT)), d.getString("subjectId"),
                new ScorePoint(LocalDate.parse(d.getString("date")), number(d.get("maturity")), d.getString("band"),
                        number(d.get("coverage")), dimensions, number(d.get("momentum30")),
                        number(d.get("momentum90")), number(d.get("shareMomentum30")),
                        number(d.get("shareMomentum90")), d.getString("trend30"), d.getString("trend90"),
                        shares, flowShares, asOf == null ? null : asOf.toInstant()));
    }

    private static Document document(Map<String, Double> values) {
        if (values == null) {
            return null;
        }
        Document d = new Document();
        values.forEach(d::append);
        return d;
    }

    private static Map<String, Double> numbers(Object stored) {
        if (!(stored instanceof Document d)) {
            return null;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        d.forEach((k, v) -> values.put(k, number(v)));
        return values;
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
