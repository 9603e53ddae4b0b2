package dev.ecopulse.aggregator.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.ecopulse.aggregator.service.LeaseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Leases in the collection {@code leases}, one document per lease: {@code {_id: name, holder, expiresAt}}. A lease is
 * taken by a guarded update (only if it is the taker's or expired) or, the first time, by an insert that the unique
 * {@code _id} lets only one replica win; neither needs a transaction.
 */
@ApplicationScoped
public class LeaseRepository implements LeaseStore {

    public static final String COLLECTION = "leases";

    private final MongoCollection<Document> leases;

    @Inject
    LeaseRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this(client.getDatabase(database).getCollection(COLLECTION));
    }

    public LeaseRepository(MongoCollection<Document> leases) {
        this.leases = leases;
    }

    @Override
    public Lease acquire(String name, String holder, Instant now, Instant until) {
        Document taken = leases.findOneAndUpdate(
                Filters.and(Filters.eq("_id", name),
                        Filters.or(Filters.eq("holder", holder), Filters.lt("expiresAt", Date.from(now)))),
                Updates.combine(Updates.set("holder", holder), Updates.set("expiresAt", Date.from(until))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (taken != null) {
            return lease(taken);
        }
        try {
            leases.insertOne(new Document("_id", name).append("holder", holder).append("expiresAt", Date.from(until)));
            return new Lease(holder, until);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        // held by another replica (or taken by one a moment ago)
        Document held = leases.find(Filters.eq("_id", name)).first();
        if (held == null) {
            throw new IllegalStateException("lease " + name + " was released while being taken; try again");
        }
        return lease(held);
    }

    @Override
    public void release(String name, String holder) {
        leases.updateOne(Filters.and(Filters.eq("_id", name), Filters.eq("holder", holder)),
                Updates.set("expiresAt", new Date(0)));
    }

    private static Lease lease(Document d) {
        return new Lease(d.getString("holder"), d.getDate("expiresAt").toInstant());
    }
}
