package dev.ecopulse.huggingface.client;

import java.time.Instant;
import java.util.List;

/**
 * One model of an {@code /api/models} answer, with what was expanded; a field the answer did not carry is null
 * ({@code downloads} are the Hub's last 30 days).
 */
public record HubModel(String id, Instant createdAt, Long downloads, Long likes, List<String> tags,
        String libraryName) {

    public HubModel {
        tags = tags == null ? null : List.copyOf(tags);
    }

    /** A model known by its id and creation time only (the tagged-model pages expand nothing else). */
    public static HubModel created(String id, Instant createdAt) {
        return new HubModel(id, createdAt, null, null, null, null);
    }
}
