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

    private static Document toDocument(SubjectPoint p) {
        ScorePoint s = p.point();
        Document dimensions = new Document();
        s.dimensions().forEach(dimensions::append);
        Document shares = null;
        if (s.shares() != null) {
            shares = new Document();
            s.shares().forEach(shares::append);
        }
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
                .append("trend30", s.trend30())
                .append("trend90", s.trend90())
                .append("shares", shares)
                .append("asOf", s.asOf() == null ? null : Date.from(s.asOf()));
    }

    private static SubjectPoint fromDocument(Document d) {
        Map<String, Double> dimensions = new LinkedHashMap<>();
        d.get("dimensions", Document.class).forEach((k, v) -> dimensions.put(k, v == null ? null
                : ((Number) v).doubleValue()));
        Map<String, Double> shares = null;
        if (d.get("shares") instanceof Document stored) {
            shares = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : stored.entrySet()) {
                shares.put(e.getKey(), number(e.getValue()));
            }
        }
        Date asOf = d.getDate("asOf");
        return new SubjectPoint(Level.valueOf(d.getString("level").toUpperCase(Locale.ROOT)), d.getString("subjectId"),
                new ScorePoint(LocalDate.parse(d.getString("date")), number(d.get("maturity")), d.getString("band"),
                        number(d.get("coverage")), dimensions, number(d.get("momentum30")),
                        number(d.get("momentum90")), d.getString("trend30"), d.getString("trend90"),
                        shares, asOf == null ? null : asOf.toInstant()));
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
