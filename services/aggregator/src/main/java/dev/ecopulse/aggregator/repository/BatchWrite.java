package dev.ecopulse.aggregator.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an unordered bulk write did to a batch, by each document's index in the batch: those that collided with a
 * stored {@code _id}, and those the store refused for good (with its reason). Every other document was written.
 */
public record BatchWrite(Set<Integer> duplicates, Map<Integer, String> refused) {

    public static final BatchWrite ALL_WRITTEN = new BatchWrite(Set.of(), Map.of());

    /** The per-document errors of a bulk write that failed for some documents only. */
    static BatchWrite of(MongoBulkWriteException e) {
        return of(e.getWriteErrors(), List.of());
    }

    /** The same, with {@code indexes} mapping the write's positions back to the caller's batch (empty: the same). */
    static BatchWrite of(List<BulkWriteError> errors, List<Integer> indexes) {
        Set<Integer> duplicates = new HashSet<>();
        Map<Integer, String> refused = new HashMap<>();
        for (BulkWriteError error : errors) {
            int index = indexes.isEmpty() ? error.getIndex() : indexes.get(error.getIndex());
            if (error.getCategory() == ErrorCategory.DUPLICATE_KEY) {
                duplicates.add(index);
            } else {
                refused.put(index, error.getCode() + " " + error.getMessage());
            }
        }
        return new BatchWrite(Set.copyOf(duplicates), Map.copyOf(refused));
    }
}
