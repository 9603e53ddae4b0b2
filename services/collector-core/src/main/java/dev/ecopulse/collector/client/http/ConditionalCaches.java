package dev.ecopulse.collector.client.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecopulse.collector.config.CollectConfig;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.RunListener;
import dev.ecopulse.collector.run.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's conditional-request caches. Each is sized by the run's targets (a fixed size would hold 2 % of a
 * 100,000-repository catalog and send almost every request unconditionally), unless its collector's
 * {@code etag-cache-size} overrides it. With {@code ecopulse.collect.etag-cache} set, all of them are written to that
 * file at the end of each run and read back at start, so the first run after a restart still gets its 304s; a missing,
 * unreadable or foreign file only costs that one run its 304s.
 */
@ApplicationScoped
public class ConditionalCaches implements RunListener {

    static final String FORMAT = "ecopulse-etag-cache/1";
    /** Room above targets × URLs per target, for URLs that change between runs (pages, renamed packages). */
    static final double HEADROOM = 1.25;
    static final int MINIMUM = 64;

    private static final Logger LOG = Logger.getLogger(ConditionalCaches.class);

    private record Kept<T>(ConditionalCache<T> cache, int urlsPerTarget, Optional<Integer> override, JavaType type) {
    }

    private final Optional<Path> file;
    private final String service;
    private final ObjectMapper mapper;
    private final Map<String, Kept<?>> caches = new LinkedHashMap<>();
    private Map<String, JsonNode> stored;
    private int targets = -1;

    @Inject
    ConditionalCaches(CollectConfig config, @ConfigProperty(name = "quarkus.application.name") String service,
            ObjectMapper mapper) {
        this(config.etagCache(), service, mapper);
    }

    /** For tests outside CDI; {@code mapper} must read {@code java.time} values. */
    public ConditionalCaches(Optional<Path> file, String service, ObjectMapper mapper) {
        this.file = file;
        this.service = service;
        this.mapper = mapper;
    }

    /**
     * A cache named {@code name} (unique in the service, e.g. {@code pypi-json}) for {@code urlsPerTarget} URLs asked
     * per target and run, holding {@code type}; filled with what the file kept under that name.
     */
    public synchronized <T> ConditionalCache<T> cache(String name, int urlsPerTarget, Optional<Integer> override,
            TypeReference<T> type) {
        if (caches.containsKey(name)) {
            throw new IllegalStateException("two conditional caches named " + name);
        }
        ConditionalCache<T> cache = new ConditionalCache<>(capacity(targets, urlsPerTarget, override));
        Kept<T> kept = new Kept<>(cache, urlsPerTarget, override, mapper.constructType(type));
        caches.put(name, kept);
        JsonNode entries = stored().remove(name);
        if (entries != null) {
            restore(name, kept, entries);
        }
        return cache;
    }

    /**
     * {@code override} when set; else {@code targets × urlsPerTarget} with headroom; unbounded before the first run
     * (nothing is asked then; what the file kept stays).
     */
    static int capacity(int targets, int urlsPerTarget, Optional<Integer> override) {
        if (override.isPresent()) {
            return override.get();
        }
        if (targets < 0) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.max(MINIMUM, Math.min(Integer.MAX_VALUE, Math.ceil(targets * urlsPerTarget * HEADROOM)));
    }

    @Override
    public synchronized void starting(List<CollectionTarget> runTargets) {
        targets = runTargets.size();
        caches.values().forEach(k -> k.cache().resize(capacity(targets, k.urlsPerTarget(), k.override())));
    }

    @Override
    public void finished(RunStatus run) {
        save();
    }

    /** Writes every cache to the file (a temporary file moved into place, so a crash leaves the old one). */
    public synchronized void save() {
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get().toAbsolutePath();
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        int written = 0;
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(temporary);
                    JsonGenerator json = mapper.getFactory().createGenerator(out)) {
                json.writeStartObject();
                json.writeStringField("format", FORMAT);
                json.writeStringField("service", service);
                json.writeObjectFieldStart("caches");
                for (Map.Entry<String, Kept<?>> named : caches.entrySet()) {
                    json.writeArrayFieldStart(named.getKey());
                    for (var entry : named.getValue().cache().entries()) {
                        json.writeStartObject();
                        json.writeStringField("uri", entry.getKey().toString());
                        json.writeStringField("etag", entry.getValue().etag());
                        json.writeObjectField("value", entry.getValue().value());
                        json.writeEndObject();
                        written++;
                    }
                    json.writeEndArray();
                }
                // caches of clients not created yet this process keep what the file had
                for (Map.Entry<String, JsonNode> unclaimed : stored().entrySet()) {
                    json.writeFieldName(unclaimed.getKey());
                    json.writeTree(unclaimed.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.debugf("Kept %d conditional answers in %s", written, target);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Cannot write the ETag cache %s (%s); a restart will ask unconditionally once", target, e);
        }
    }

    private Map<String, JsonNode> stored() {
        if (stored == null) {
            stored = read();
        }
        return stored;
    }

    private Map<String, JsonNode> read() {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        if (file.isEmpty()) {
            return byName;
        }
        Path path = file.get();
        if (!Files.exists(path)) {
            LOG.infof("No ETag cache at %s yet; the first run asks unconditionally", path);
            return byName;
        }
        try {
            JsonNode root = mapper.readTree(path.toFile());
            if (root == null || !FORMAT.equals(root.path("format").asText())
                    || !service.equals(root.path("service").asText()) || !root.path("caches").isObject()) {
                LOG.warnf("Ignoring the ETag cache %s: not an %s file of %s", path, FORMAT, service);
                return byName;
            }
            root.path("caches").fields().forEachRemaining(e -> byName.put(e.getKey(), e.getValue()));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Ignoring the unreadable ETag cache %s (%s); the first run asks unconditionally", path, e);
        }
        return byName;
    }

    private <T> void restore(String name, Kept<T> kept, JsonNode entries) {
        List<Map.Entry<URI, ConditionalCache.Entry<T>>> read = new ArrayList<>();
        try {
            for (JsonNode entry : entries) {
                T value = mapper.readerFor(kept.type()).readValue(entry.get("value"));
                read.add(new AbstractMap.SimpleImmutableEntry<>(URI.create(entry.get("uri").asText()),
                        new ConditionalCache.Entry<>(entry.get("etag").asText(), value)));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Ignoring the kept answers of %s in %s (%s)", name, file.orElseThrow(), e);
            return;
        }
        kept.cache().putAll(read);
        LOG.infof("Read %d conditional answers of %s from %s", read.size(), name, file.orElseThrow());
    }
}
