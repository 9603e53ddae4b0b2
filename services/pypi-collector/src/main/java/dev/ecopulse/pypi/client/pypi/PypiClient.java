package dev.ecopulse.pypi.client.pypi;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.client.http.ConditionalCache;
import dev.ecopulse.collector.client.http.ConditionalCaches;
import dev.ecopulse.collector.client.http.ConditionalGet;
import dev.ecopulse.collector.client.http.Lookup;
import dev.ecopulse.collector.client.http.UpstreamHttp;
import dev.ecopulse.collector.client.http.UpstreamRequest;
import dev.ecopulse.collector.client.http.UpstreamSettings;
import dev.ecopulse.collector.client.http.Upstreams;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.pypi.config.PypiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;

/** PyPI's JSON API (latest release metadata) and Simple API in JSON form (release history), for one package each. */
@ApplicationScoped
public class PypiClient {

    static final String JSON = "application/json";
    static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";

    private final String baseUrl;
    private final UpstreamHttp http;
    private final ConditionalCache<ProjectMetadata> projects;
    private final ConditionalCache<Fetched<List<Release>>> pages;

    PypiClient(PypiConfig config, Upstreams upstreams, ConditionalCaches caches) {
        this.baseUrl = trimSlash(config.url());
        this.http = upstreams.client(UpstreamSettings.of("PyPI", "pypi", config.userAgent(), config.timeout(),
                config.requestsPerSecond())
                .withThrottle(config.throttleRetries(), config.throttleBackoff(), config.throttleMaxWait())
                .withRetries(1, config.throttleBackoff()));
        this.projects = caches.cache("pypi-json", 1, config.etagCacheSize(), new TypeReference<>() {
        });
        this.pages = caches.cache("pypi-simple", 1, config.etagCacheSize(), new TypeReference<>() {
        });
    }

    /** {@code /pypi/<name>/json}; {@code name} is PEP 503-normalised. */
    public Lookup<ProjectMetadata> project(String name, RunContext run) throws InterruptedException {
        return ConditionalGet.fetch(http, projects, UpstreamRequest.get("json",
                URI.create(baseUrl + "/pypi/" + name + "/json")).header("Accept", JSON), ProjectJson::read,
                ProjectJson.SOURCE, "PyPI has no project named '" + name + "'", run);
    }

    /** {@code /simple/<name>/} as {@code application/vnd.pypi.simple.v1+json}. */
    public Lookup<Fetched<List<Release>>> releases(String name, RunContext run) throws InterruptedException {
        return ConditionalGet.fetch(http, pages, UpstreamRequest.get("simple",
                URI.create(baseUrl + "/simple/" + name + "/")).header("Accept", SIMPLE_JSON),
                body -> SimpleIndex.read(body, name), SimpleIndex.SOURCE,
                "PyPI's Simple API has no project named '" + name + "'", run);
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
