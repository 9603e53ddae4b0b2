package dev.ecopulse.collector.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the last {@code ETag} and body per URL so that a conditional request can be sent and a 304 answered from
 * memory: unchanged answers cost the upstream (and our quota) nothing. Bounded, least recently used out first.
 */
public class EtagCache {

    /** A remembered answer. */
    public record Entry(String etag, String body) {
    }

    private final Map<String, Entry> entries;

    public EtagCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized Optional<Entry> get(String url) {
        return Optional.ofNullable(entries.get(url));
    }

    /** Stores an answer that came with an ETag; answers without one are not worth keeping. */
    public synchronized void put(String url, String etag, String body) {
        if (etag != null && !etag.isBlank()) {
            entries.put(url, new Entry(etag, body));
        }
    }
}
