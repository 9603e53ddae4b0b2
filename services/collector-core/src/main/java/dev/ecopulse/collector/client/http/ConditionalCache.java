package dev.ecopulse.collector.client.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last ETag per URL with what was read from that answer, so a conditional request can be sent and a 304 answered
 * from memory. It keeps the digest, not the body: PyPI documents of big projects run to megabytes. Bounded, least
 * recently used out first.
 */
public class ConditionalCache<T> {

    /** A remembered answer. */
    public record Entry<T>(String etag, T value) {
    }

    private final Map<URI, Entry<T>> entries;

    public ConditionalCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<URI, Entry<T>> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized Optional<Entry<T>> get(URI uri) {
        return Optional.ofNullable(entries.get(uri));
    }

    /** Keeps an answer that came with an ETag; one without is never asked for conditionally. */
    public synchronized void put(URI uri, String etag, T value) {
        if (etag != null && !etag.isBlank()) {
            entries.put(uri, new Entry<>(etag, value));
        } else {
            entries.remove(uri);
        }
    }
}
