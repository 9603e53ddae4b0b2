package dev.ecopulse.collector.client.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last ETag per URL with what was read from that answer, so a conditional request can be sent and a 304 answered
 * from memory. It keeps the digest, not the body: PyPI documents of big projects run to megabytes. Bounded, least
 * recently used out first; {@link ConditionalCaches} sizes it by the run's targets and keeps it across restarts.
 */
public class ConditionalCache<T> {

    /** A remembered answer. */
    public record Entry<T>(String etag, T value) {
    }

    private final LinkedHashMap<URI, Entry<T>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private int capacity;

    public ConditionalCache(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    public synchronized Optional<Entry<T>> get(URI uri) {
        return Optional.ofNullable(entries.get(uri));
    }

    /** Keeps an answer that came with an ETag; one without is never asked for conditionally. */
    public synchronized void put(URI uri, String etag, T value) {
        if (etag != null && !etag.isBlank()) {
            entries.put(uri, new Entry<>(etag, value));
            trim();
        } else {
            entries.remove(uri);
        }
    }

    public synchronized int capacity() {
        return capacity;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** A new bound; when smaller, the least recently used answers go. */
    public synchronized void resize(int newCapacity) {
        capacity = Math.max(1, newCapacity);
        trim();
    }

    /** Every entry, least recently used first (the order {@link #putAll} restores). */
    synchronized List<Map.Entry<URI, Entry<T>>> entries() {
        List<Map.Entry<URI, Entry<T>>> copy = new ArrayList<>(entries.size());
        entries.forEach((uri, entry) -> copy.add(Map.entry(uri, entry)));
        return copy;
    }

    synchronized void putAll(List<Map.Entry<URI, Entry<T>>> remembered) {
        remembered.forEach(e -> entries.put(e.getKey(), e.getValue()));
        trim();
    }

    private void trim() {
        var eldest = entries.keySet().iterator();
        while (entries.size() > capacity && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }
}
