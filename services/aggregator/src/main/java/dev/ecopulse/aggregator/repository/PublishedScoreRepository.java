package dev.ecopulse.aggregator.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.ecopulse.aggregator.scoring.Level;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The last score published on the scores topic for each project and framework: the "old score" of the next change,
 * kept across restarts so a restart does not announce every score again.
 */
@ApplicationScoped
public class PublishedScoreRepository {

    public static final String COLLECTION = "published_scores";

    private final MongoCollection<Document> published;

    PublishedScoreRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.published = client.getDatabase(database).getCollection(COLLECTION);
    }

    /** A published score: the maturity, each dimension's contribution, and the data time it was computed for. */
    public record PublishedScore(Level level, String subjectId, double score, Map<String, Double> contributions,
            Instant computedAt, String eventId) {

        public String key() {
            return level.name().toLowerCase(Locale.ROOT) + "|" + subjectId;
        }
    }

    public void save(PublishedScore score) {
        Document contributions = new Document();
        score.contributions().forEach(contributions::append);
        published.replaceOne(Filters.eq("_id", score.key()), new Document("_id", score.key())
                .append("level", score.level().name().toLowerCase(Locale.ROOT))
                .append("subjectId", score.subjectId())
                .append("score", score.score())
                .append("contributions", contributions)
                .append("computedAt", Date.from(score.computedAt()))
                .append("eventId", score.eventId()), new ReplaceOptions().upsert(true));
    }

    public List<PublishedScore> findAll() {
        return published.find().map(d -> {
            Map<String, Double> contributions = new LinkedHashMap<>();
            d.get("contributions", Document.class).forEach((k, v) -> contributions.put(k,
                    ((Number) v).doubleValue()));
            return new PublishedScore(Level.valueOf(d.getString("level").toUpperCase(Locale.ROOT)),
                    d.getString("subjectId"), ((Number) d.get("score")).doubleValue(), contributions,
                    d.getDate("computedAt").toInstant(), d.getString("eventId"));
        }).into(new ArrayList<>());
    }
}
