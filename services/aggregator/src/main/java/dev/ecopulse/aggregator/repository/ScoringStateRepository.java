package dev.ecopulse.aggregator.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How far the stored score history is up to date: every observation and flow stored before this time is reflected
 * in it. A start rescores only the days touched by what was stored after it, instead of the whole history.
 */
@ApplicationScoped
public class ScoringStateRepository {

    public static final String COLLECTION = "scoring_state";
    private static final String HISTORY = "score-history";

    private final MongoCollection<Document> state;

    ScoringStateRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.state = client.getDatabase(database).getCollection(COLLECTION);
    }

    /** Everything stored before {@code time} is scored; never moves the mark back (another replica may be ahead). */
    public void markScoredBefore(Instant time) {
        state.updateOne(Filters.eq("_id", HISTORY), Updates.max("scoredBefore", Date.from(time)),
                new UpdateOptions().upsert(true));
    }

    /** Empty on a store whose score history was never marked (new, or written by an older version). */
    public Optional<Instant> scoredBefore() {
        return Optional.ofNullable(state.find(Filters.eq("_id", HISTORY)).first())
                .map(d -> d.getDate("scoredBefore")).map(Date::toInstant);
    }
}
