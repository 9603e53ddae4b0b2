package dev.ecopulse.research.client;

import dev.ecopulse.collector.client.ThrottleBackoff;
import dev.ecopulse.collector.client.http.UpstreamConfig;
import dev.ecopulse.collector.client.http.UpstreamHttp;
import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.collector.client.http.UpstreamRequest;
import dev.ecopulse.collector.client.http.UpstreamSettings;
import dev.ecopulse.collector.client.http.Upstreams;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.time.TimeSource;
import dev.ecopulse.research.config.ResearchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Counts OpenAlex works: {@code GET /works?search=…&filter=from_publication_date:…,to_publication_date:…&per_page=1
 * &select=id}, read from {@code meta.count}. OpenAlex answers 403 to "slow down" (waited out with backoff and asked
 * again) and 429 when the day's allowance is spent (handed back: asking again today is pointless). The key travels in
 * the query, so no URL of this client is ever logged.
 */
@ApplicationScoped
public class OpenAlexClient {

    static final String ENDPOINT = "works-search";

    private final String baseUrl;
    private final String apiKey;
    private final UpstreamHttp http;
    private final ThrottleBackoff slowDown;
    private final TimeSource time;
    private final Duration reuseFor;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(long count, Instant at) {
    }

    @Inject
    OpenAlexClient(ResearchConfig config, UpstreamConfig upstream, Upstreams upstreams) {
        this(config, upstream.allowInsecure(), upstreams::client, upstreams.time());
    }

    /** @param clients hands out the toolkit's client for the settings (a test builds its own) */
    public OpenAlexClient(ResearchConfig config, boolean allowInsecure,
            Function<UpstreamSettings, UpstreamHttp> clients, TimeSource time) {
        this.baseUrl = config.url().endsWith("/") ? config.url().substring(0, config.url().length() - 1)
                : config.url();
        // the key only over https (or to a test double when insecure upstreams are allowed)
        this.apiKey = config.keyed() && (baseUrl.startsWith("https://") || allowInsecure)
                ? config.apiKey().orElseThrow().strip() : null;
        // throttle -1: a 429 (daily limit) comes back to this client instead of being waited out
        this.http = clients.apply(UpstreamSettings.of("OpenAlex", "research", config.userAgent(), config.timeout(),
                config.requestsPerSecond())
                .withThrottle(-1, config.throttleBackoff(), config.throttleMaxWait())
                .withRetries(2, config.throttleBackoff()));
        this.time = time;
        this.slowDown = new ThrottleBackoff(config.throttleRetries(), config.throttleBackoff(),
                config.throttleMaxWait(), time.clock());
        this.reuseFor = config.reuseFor();
    }

    /** Whether requests carry an API key. */
    public boolean keyed() {
        return apiKey != null;
    }

    /** A count of the same search and dates asked within {@code ecopulse.research.reuse-for}: free to use again. */
    public Optional<Long> reused(String search, LocalDate from, LocalDate through) {
        Kept k = kept.get(key(search, from, through));
        return k != null && k.at().plus(reuseFor).isAfter(time.now()) ? Optional.of(k.count()) : Optional.empty();
    }

    /** Forgets the counts kept for reuse, so the next run asks OpenAlex again. */
    public void forgetCounts() {
        kept.clear();
    }

    /** Works matching {@code search} published from {@code from} through {@code through} (both inclusive). */
    public WorksCount count(String search, LocalDate from, LocalDate through, RunContext run)
            throws InterruptedException {
        UpstreamRequest request = UpstreamRequest.get(ENDPOINT, uri(search, from, through))
                .header("Accept", "application/json");
        int attempts = 0;
        int slowDowns = 0;
        while (true) {
            UpstreamReply reply = http.send(request, run);
            attempts += reply.attempts();
            if (!reply.answered()) {
                return WorksCount.problem(WorksCount.Outcome.FAILED, reply.failure(), Allowance.UNKNOWN, attempts);
            }
            Allowance allowance = Allowance.of(reply);
            String said = OpenAlexDocuments.error(reply.body()).map(m -> " (" + m + ")").orElse("");
            switch (reply.status()) {
                case 200 -> {
                    Optional<Long> count = OpenAlexDocuments.count(reply.body());
                    if (count.isEmpty()) {
                        return WorksCount.problem(WorksCount.Outcome.FAILED,
                                "OpenAlex answered 200 without a readable meta.count", allowance, attempts);
                    }
                    kept.put(key(search, from, through), new Kept(count.get(), time.now()));
                    return WorksCount.counted(count.get(), allowance, attempts);
                }
                case 403 -> {
                    ThrottleBackoff.Step step = slowDown.next(++slowDowns, reply.header("retry-after"));
                    if (!step.retry()) {
                        return WorksCount.problem(WorksCount.Outcome.THROTTLED, "OpenAlex answered 403 (rate limit"
                                + " exceeded) " + slowDowns + " times in a row" + said, allowance, attempts);
                    }
                    http.waitOut(run, step.delay(), "waiting " + step.delay().toSeconds()
                            + " s: OpenAlex answered 403 (rate limit exceeded, slow down)");
                }
                case 429 -> {
                    return WorksCount.problem(WorksCount.Outcome.DAILY_LIMIT,
                            "OpenAlex answered 429: the daily limit is exceeded" + said, allowance, attempts);
                }
                case 400 -> {
                    return WorksCount.problem(WorksCount.Outcome.REJECTED, "OpenAlex rejected the search with 400"
                            + (said.isEmpty() ? " and no reason" : said), allowance, attempts);
                }
                default -> {
                    return WorksCount.problem(WorksCount.Outcome.FAILED, "OpenAlex answered HTTP " + reply.status()
                            + said, allowance, attempts);
                }
            }
        }
    }

    URI uri(String search, LocalDate from, LocalDate through) {
        return URI.create(baseUrl + "/works?search=" + encode(search) + "&filter=from_publication_date:" + from
                + ",to_publication_date:" + through + "&per_page=1&select=id"
                + (apiKey == null ? "" : "&api_key=" + encode(apiKey)));
    }

    /** Percent-encoding with {@code %20} for spaces, which every reader of a query decodes the same way. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String key(String search, LocalDate from, LocalDate through) {
        return from + "/" + through + "/" + search;
    }
}
