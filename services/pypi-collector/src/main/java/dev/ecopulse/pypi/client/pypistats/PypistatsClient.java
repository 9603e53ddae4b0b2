package dev.ecopulse.pypi.client.pypistats;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.client.RequestPacer;
import dev.ecopulse.collector.client.ThrottleBackoff;
import dev.ecopulse.collector.client.UpstreamMetrics;
import dev.ecopulse.pypi.client.AnswerReuse;
import dev.ecopulse.pypi.client.Conditional;
import dev.ecopulse.pypi.client.ConditionalCache;
import dev.ecopulse.pypi.client.Lookup;
import dev.ecopulse.pypi.client.UpstreamHttp;
import dev.ecopulse.pypi.client.WaitClock;
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
    private final WaitClock time;
    private final ConditionalCache<RecentDownloads> recent;
    private final ConditionalCache<Fetched<List<DailyDownloads>>> overall;
    private final AnswerReuse<RecentDownloads> recentAnswers;
    private final AnswerReuse<Fetched<List<DailyDownloads>>> overallAnswers;

    PypistatsClient(PypistatsConfig config, PypiConfig pypi, WaitClock time, UpstreamMetrics metrics) {
        this.baseUrl = config.url().endsWith("/") ? config.url().substring(0, config.url().length() - 1)
                : config.url();
        this.http = new UpstreamHttp(
                new UpstreamHttp.Settings("pypistats", pypi.userAgent(), config.timeout(), config.throttleBackoff()),
                new RequestPacer(limits(config), time.clock(), time::sleep),
                new ThrottleBackoff(config.throttleRetries(), config.throttleBackoff(), config.throttleMaxWait(),
                        time.clock()),
                time, (endpoint, status) -> metrics.record("pypi", "pypistats-" + endpoint, status));
        // pypistats documents no ETags; should it send them, they are used like PyPI's
        this.recent = new ConditionalCache<>(pypi.etagCacheSize());
        this.overall = new ConditionalCache<>(pypi.etagCacheSize());
        this.recentAnswers = new AnswerReuse<>(config.reuseFor());
        this.overallAnswers = new AnswerReuse<>(config.reuseFor());
        this.time = time;
    }

    static List<RequestPacer.Limit> limits(PypistatsConfig config) {
        return List.of(new RequestPacer.Limit(config.requestsPerSecond(), Duration.ofSeconds(1)),
                new RequestPacer.Limit(config.requestsPerMinute(), Duration.ofMinutes(1)));
    }

    /** {@code /api/packages/<name>/recent}: downloads of the last day, week and month. */
    public Lookup<RecentDownloads> recent(String name) throws InterruptedException {
        URI uri = URI.create(baseUrl + "/api/packages/" + name + "/recent");
        return reused(recentAnswers, uri, () -> Conditional.fetch(http, recent, "recent", uri, JSON,
                PypistatsDocuments::recent, "pypistats", noData(name)));
    }

    /** {@code /api/packages/<name>/overall?mirrors=false}: daily downloads without mirrors, last 180 days. */
    public Lookup<Fetched<List<DailyDownloads>>> overall(String name) throws InterruptedException {
        URI uri = URI.create(baseUrl + "/api/packages/" + name + "/overall?mirrors=false");
        return reused(overallAnswers, uri, () -> Conditional.fetch(http, overall, "overall", uri, JSON,
                PypistatsDocuments::overall, "pypistats", noData(name)));
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
        var kept = answers.get(uri, time.clock().instant());
        if (kept.isPresent()) {
            return kept.get();
        }
        Lookup<T> answer = ask.ask();
        answers.put(uri, time.clock().instant(), answer);
        return answer;
    }

    public long requestsSent() {
        return http.requestsSent();
    }

    private static String noData(String name) {
        return "pypistats has no download data for '" + name + "'";
    }
}
