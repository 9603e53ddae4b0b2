package dev.ecopulse.aggregator.repository;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a store failure is worth retrying: the store is unreachable, restarting or not yet primary. A write the
 * store refuses for good (a document it cannot take) is not retried, so one bad record cannot hold the stream.
 */
public class TransientStoreFailure implements Predicate<Throwable> {

    /** Server error codes of a store that is shutting down, restarting or unreachable. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602,
            13435, 13436);

    @Override
    public boolean test(Throwable failure) {
        return isTransient(failure);
    }

    public static boolean isTransient(Throwable failure) {
        if (failure instanceof MongoSocketException || failure instanceof MongoTimeoutException
                || failure instanceof MongoConnectionPoolClearedException
                || failure instanceof MongoNotPrimaryException || failure instanceof MongoNodeIsRecoveringException) {
            return true;
        }
        // written, but not yet as durably as the write concern asks: writing again is safe (ids and guards)
        if (failure instanceof MongoWriteConcernException) {
            return true;
        }
        if (failure instanceof MongoBulkWriteException bulk && (bulk.getWriteConcernError() != null
                || bulk.getWriteErrors().stream().anyMatch(e -> TRANSIENT_CODES.contains(e.getCode())))) {
            return true;
        }
        if (failure instanceof MongoCommandException command && TRANSIENT_CODES.contains(command.getErrorCode())) {
            return true;
        }
        return failure instanceof MongoException mongo
                && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                        || mongo.hasErrorLabel("RetryableWriteError")
                        || TRANSIENT_CODES.contains(mongo.getCode()));
    }
}
