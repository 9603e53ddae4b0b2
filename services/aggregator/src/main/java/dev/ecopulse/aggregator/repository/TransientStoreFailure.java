package dev.ecopulse.aggregator.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a store failure is worth retrying. A store failure is retried (the stream held, nothing acknowledged)
 * unless the store refused a document for good with an error that names the document as the problem (too large, an
 * invalid field name, failed validation): only then is the record dead-lettered, so one bad record cannot hold the
 * stream, while a store that is down, restarting, full, closed or failing in a way not known here loses nothing.
 */
public class TransientStoreFailure implements Predicate<Throwable> {

    /** Server error codes that mean "this document can never be written", whatever the store's state. */
    static final Set<Integer> BAD_DOCUMENT_CODES = Set.of(2, 9, 14, 28, 52, 55, 56, 57, 66, 121, 10334, 17280, 17419,
            17420);

    @Override
    public boolean test(Throwable failure) {
        return isTransient(failure);
    }

    public static boolean isTransient(Throwable failure) {
        if (!(failure instanceof MongoException mongo)) {
            return false; // not the store's answer: a failure of ours, retrying would not help
        }
        if (failure instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteConcernError() != null || bulk.getWriteErrors().stream()
                    .anyMatch(e -> e.getCategory() != ErrorCategory.DUPLICATE_KEY && !badDocument(e.getCode()));
        }
        if (failure instanceof MongoWriteException write) {
            return write.getError().getCategory() != ErrorCategory.DUPLICATE_KEY
                    && !badDocument(write.getError().getCode());
        }
        if (failure instanceof MongoCommandException command) {
            return !badDocument(command.getErrorCode());
        }
        return !badDocument(mongo.getCode());
    }

    /** A write error that names the document as what the store can never take. */
    public static boolean badDocument(int code) {
        return BAD_DOCUMENT_CODES.contains(code);
    }
}
