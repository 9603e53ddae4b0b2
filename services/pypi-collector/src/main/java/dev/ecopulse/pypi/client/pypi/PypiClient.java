package dev.ecopulse.pypi.client.pypi;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.client.RequestPacer;
import dev.ecopulse.collector.client.ThrottleBackoff;
import dev.ecopulse.collector.client.UpstreamMetrics;
import dev.ecopulse.pypi.client.Conditional;
import dev.ecopulse.pypi.client.ConditionalCache;
import dev.ecopulse.pypi.client.Lookup;
import dev.ecopulse.pypi.client.UpstreamHttp;
import dev.ecopulse.pypi.client.WaitClock;
import dev.ecopulse.pypi.config.PypiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
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

    PypiClient(PypiConfig config, WaitClock time, UpstreamMetrics metrics) {
        this.baseUrl = trimSlash(config.url());
        this.http = new UpstreamHttp(
                new UpstreamHttp.Settings("PyPI", config.userAgent(), config.timeout(), config.throttleBackoff()),
                new RequestPacer(List.of(new RequestPacer.Limit(config.requestsPerSecond(), Duration.ofSeconds(1))),
                        time.clock(), time::sleep),
                new ThrottleBackoff(config.throttleRetries(), config.throttleBackoff(), config.throttleMaxWait(),
                        time.clock()),
                time, (endpoint, status) -> metrics.record("pypi", endpoint, status));
        this.projects = new ConditionalCache<>(config.etagCacheSize());
        this.pages = new ConditionalCache<>(config.etagCacheSize());
    }

    /** {@code /pypi/<name>/json}; {@code name} is PEP 503-normalised. */
    public Lookup<ProjectMetadata> project(String name) throws InterruptedException {
        return Conditional.fetch(http, projects, "json", URI.create(baseUrl + "/pypi/" + name + "/json"), JSON,
                ProjectJson::read, ProjectJson.SOURCE, "PyPI has no project named '" + name + "'");
    }

    /** {@code /simple/<name>/} as {@code application/vnd.pypi.simple.v1+json}. */
    public Lookup<Fetched<List<Release>>> releases(String name) throws InterruptedException {
        return Conditional.fetch(http, pages, "simple", URI.create(baseUrl + "/simple/" + name + "/"), SIMPLE_JSON,
                body -> SimpleIndex.read(body, name), SimpleIndex.SOURCE,
                "PyPI's Simple API has no project named '" + name + "'");
    }

    public long requestsSent() {
        return http.requestsSent();
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
