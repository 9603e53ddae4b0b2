package dev.ecopulse.pypi.client.pypistats;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.client.RequestPacer;
import dev.ecopulse.collector.client.http.ConditionalCache;
import dev.ecopulse.collector.client.http.ConditionalCaches;
import dev.ecopulse.collector.client.http.ConditionalGet;
import dev.ecopulse.collector.client.http.Lookup;
import dev.ecopulse.collector.client.http.UpstreamHttp;
import dev.ecopulse.collector.client.http.UpstreamRequest;
import dev.ecopulse.collector.client.http.UpstreamSettings;
import dev.ecopulse.collector.client.http.Upstreams;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.time.TimeSource;
import dev.ecopulse.pypi.client.AnswerReuse;
import dev.ecopulse.pypi.config.PypiConfig;
import dev.ecopulse.pypi.config.PypistatsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * pypistats.org download counts. Its published per-IP limit (5 requests per second, 30 per minute) is kept by the
 * pacer before any request leaves, so a 429 only comes from others sharing the IP; it is then waited out.
 */
@ApplicationScoped
public class PypistatsClient {

    static final String JSON = "application/json";

    private final String baseUrl;
    private final UpstreamHttp http;
    private final TimeSource time;
    private final ConditionalCache<RecentDownloads> recent;
    private final ConditionalCache<Fetched<List<DailyDownloads>>> overall;
    private final AnswerReuse<RecentDownloads> recentAnswers;
    private final AnswerReuse<Fetched<List<DailyDownloads>>> overallAnswers;

    PypistatsClient(PypistatsConfig config, PypiConfig pypi, Upstreams upstreams, ConditionalCaches caches) {
        this.baseUrl = config.url().endsWith("/") ? config.url().substring(0, config.url().length() - 1)
                : config.url();
        this.http = upstreams.client(UpstreamSettings.of("pypistats", "pypi", pypi.userAgent(), config.timeout(), 1)
                .withLimits(limits(config))
                .withThrottle(config.throttleRetries(), config.throttleBackoff(), config.throttleMaxWait())
                .withRetries(1, config.throttleBackoff()));
        // pypistats documents no ETags; should it send them, they are used like PyPI's
        this.recent = caches.cache("pypistats-recent", 1, pypi.etagCacheSize(), new TypeReference<>() {
        });
        this.overall = caches.cache("pypistats-overall", 1, pypi.etagCacheSize(), new TypeReference<>() {
        });
        this.recentAnswers = new AnswerReuse<>(config.reuseFor());
        this.overallAnswers = new AnswerReuse<>(config.reuseFor());
        this.time = upstreams.time();
    }

    static List<RequestPacer.Limit> limits(PypistatsConfig config) {
        return List.of(new RequestPacer.Limit(config.requestsPerSecond(), Duration.ofSeconds(1)),
                new RequestPacer.Limit(config.requestsPerMinute(), Duration.ofMinutes(1)));
    }

    /** {@code /api/packages/<name>/recent}: downloads of the last day, week and month. */
    public Lookup<RecentDownloads> recent(String name, RunContext run) throws InterruptedException {
        URI uri = URI.create(baseUrl + "/api/packages/" + name + "/recent");
        return reused(recentAnswers, uri, () -> ConditionalGet.fetch(http, recent, request("recent", uri),
                PypistatsDocuments::recent, "pypistats", noData(name), run));
    }

    /** {@code /api/packages/<name>/overall?mirrors=false}: daily downloads without mirrors, last 180 days. */
    public Lookup<Fetched<List<DailyDownloads>>> overall(String name, RunContext run) throws InterruptedException {
        URI uri = URI.create(baseUrl + "/api/packages/" + name + "/overall?mirrors=false");
        return reused(overallAnswers, uri, () -> ConditionalGet.fetch(http, overall, request("overall", uri),
                PypistatsDocuments::overall, "pypistats", noData(name), run));
    }

    private static UpstreamRequest request(String endpoint, URI uri) {
        return UpstreamRequest.get("pypistats-" + endpoint, uri).header("Accept", JSON);
    }

    /** Forgets the answers kept for reuse, so the next run asks pypistats again. */
    public void forgetAnswers() {
        recentAnswers.clear();
        overallAnswers.clear();
    }

    private interface Ask<T> {
        Lookup<T> ask() throws InterruptedException;
    }

    private <T> Lookup<T> reused(AnswerReuse<T> answers, URI uri, Ask<T> ask) throws InterruptedException {
        var kept = answers.get(uri, time.now());
        if (kept.isPresent()) {
            return kept.get();
        }
        Lookup<T> answer = ask.ask();
        answers.put(uri, time.now(), answer);
        return answer;
    }

    private static String noData(String name) {
        return "pypistats has no download data for '" + name + "'";
    }
}
