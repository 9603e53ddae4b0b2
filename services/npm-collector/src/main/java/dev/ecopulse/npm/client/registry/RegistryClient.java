package dev.ecopulse.npm.client.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ecopulse.collector.client.http.ConditionalCache;
import dev.ecopulse.collector.client.http.ConditionalCaches;
import dev.ecopulse.collector.client.http.ConditionalGet;
import dev.ecopulse.collector.client.http.Lookup;
import dev.ecopulse.collector.client.http.UpstreamHttp;
import dev.ecopulse.collector.client.http.UpstreamRequest;
import dev.ecopulse.collector.client.http.UpstreamSettings;
import dev.ecopulse.collector.client.http.Upstreams;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.npm.client.PackageNames;
import dev.ecopulse.npm.config.NpmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * The full registry document of one package ({@code GET /<name>} without the abbreviated media type: only the full
 * document has the {@code time} object). Sent with {@code If-None-Match} when an earlier answer gave an ETag; a 304
 * reuses what was read then.
 */
@ApplicationScoped
public class RegistryClient {

    static final String SOURCE = "npm's registry";

    private final String baseUrl;
    private final UpstreamHttp http;
    private final ConditionalCache<PackageDocument> documents;

    RegistryClient(NpmConfig config, Upstreams upstreams, ConditionalCaches caches) {
        this.baseUrl = trimSlash(config.registryUrl());
        this.http = upstreams.client(UpstreamSettings.of("npm registry", "npm", config.userAgent(), config.timeout(),
                config.registryRequestsPerSecond())
                .withThrottle(config.throttleRetries(), config.throttleBackoff(), config.throttleMaxWait())
                .withRetries(1, config.throttleBackoff()));
        this.documents = caches.cache("npm-registry", 1, config.etagCacheSize(), new TypeReference<>() {
        });
    }

    public Lookup<PackageDocument> document(String name, RunContext run) throws InterruptedException {
        URI uri = URI.create(baseUrl + "/" + PackageNames.registryPath(name));
        return ConditionalGet.fetch(http, documents, UpstreamRequest.get("registry", uri)
                .header("Accept", "application/json"), RegistryDocuments::read, SOURCE,
                "npm's registry has no package named '" + name + "'", run);
    }

    public static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
