package dev.ecopulse.stackexchange.client;

import dev.ecopulse.collector.client.RequestPacer;
import dev.ecopulse.collector.client.http.UpstreamHttp;
import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.collector.client.http.UpstreamRequest;
import dev.ecopulse.collector.client.http.UpstreamSettings;
import dev.ecopulse.collector.client.http.Upstreams;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.time.TimeSource;
import dev.ecopulse.stackexchange.config.StackexchangeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The Stack Exchange API 2.3: tag totals and question counts per date range. Every request obeys the run's
 * {@link ApiSession}: nothing is sent once the quota is spent or the API reported a throttle violation, and a method
 * that answered with {@code backoff} is not asked again before that many seconds. The key, when configured, goes only
 * into the query string of the request; reasons and logs name the method, never the URL.
 */
@ApplicationScoped
public class StackexchangeClient {

    private static final Logger LOG = Logger.getLogger(StackexchangeClient.class);

    /** Base {@code none} plus the wrapper fields a count needs: the answer is nothing but them. */
    static final String FILTER_INCLUDE = ".backoff;.error_id;.error_message;.error_name;.quota_max;.quota_remaining;"
            + ".total";
    /** The API bans an IP above 30 requests per second. */
    static final int MAX_PER_SECOND = 30;

    private final StackexchangeConfig config;
    private final String baseUrl;
    private final UpstreamHttp http;
    private final TimeSource time;
    private volatile String filter;

    StackexchangeClient(StackexchangeConfig config, Upstreams upstreams) {
        this.config = config;
        this.baseUrl = (config.url().endsWith("/") ? config.url().substring(0, config.url().length() - 1)
                : config.url()) + "/2.3/";
        int perSecond = Math.max(1, Math.min(MAX_PER_SECOND, config.requestsPerSecond()));
        // the API answers errors with HTTP 400 and a body, not 429: a stray 429 is handed back, not waited out
        this.http = upstreams.client(UpstreamSettings.of("Stack Exchange", "stackexchange", config.userAgent(),
                config.timeout(), perSecond)
                .withLimits(List.of(new RequestPacer.Limit(perSecond, Duration.ofSeconds(1))))
                .withThrottle(-1, Duration.ofSeconds(1), Duration.ofSeconds(1))
                .withRetries(1, Duration.ofSeconds(2)));
        this.time = upstreams.time();
        this.filter = config.filter().filter(f -> !f.isBlank()).orElse(null);
    }

    public String site() {
        return config.site();
    }

    /** Whether a key is configured (the quota is then 10,000 a day instead of 300). */
    public boolean keyed() {
        return key().isPresent();
    }

    /** {@code /tags/{tags}/info}: the tags the site knows, with their question counts (at most 100 tags). */
    public Call tagInfo(List<String> tags, ApiSession session, RunContext run) throws InterruptedException {
        String path = "tags/" + tags.stream().map(StackexchangeClient::encode).collect(Collectors.joining(";"))
                + "/info";
        Map<String, String> query = new LinkedHashMap<>();
        query.put("pagesize", "100");
        query.put("site", config.site());
        return call("tags/{tags}/info", path, query, session, run);
    }

    /**
     * {@code /questions} (or {@code /questions/no-answers} when {@code unansweredOnly}): how many questions tagged
     * {@code tag} were asked from {@code from} (inclusive) to {@code to} (exclusive), read as {@code total}.
     */
    public Call questionCount(String tag, Instant from, Instant to, boolean unansweredOnly, ApiSession session,
            RunContext run) throws InterruptedException {
        String method = unansweredOnly ? "questions/no-answers" : "questions";
        Call filterCall = filter(session, run);
        if (!filterCall.ok()) {
            String reason = filterCall.reason().startsWith("not asked: ") ? filterCall.reason()
                    : "not asked: no filter keeping total: " + filterCall.reason();
            return filterCall.sent() ? Call.failed(filterCall.reason()) : Call.notAsked(reason);
        }
        String filterId = filterCall.answer().filter();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("tagged", tag);
        query.put("fromdate", Long.toString(from.getEpochSecond()));
        // todate is inclusive: the last second before the window's end
        query.put("todate", Long.toString(to.getEpochSecond() - 1));
        query.put("site", config.site());
        query.put("filter", filterId);
        return call(method, method, query, session, run);
    }

    /**
     * The configured filter, or the one created earlier in this process, or a new one (one request, once), as an
     * answer holding the filter id; else why there is none.
     */
    private Call filter(ApiSession session, RunContext run) throws InterruptedException {
        String known = filter;
        if (known != null) {
            return Call.answered(new ApiAnswer(null, null, known, null, null, null, null));
        }
        if (session.filterProblem != null) {
            return Call.notAsked(session.filterProblem);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("base", "none");
        query.put("include", FILTER_INCLUDE);
        query.put("unsafe", "false");
        Call created = call("filter/create", "filter/create", query, session, run);
        if (!created.ok() || created.answer().filter() == null) {
            session.filterProblem = created.ok() ? "Stack Exchange answered /filter/create without a filter id"
                    : created.reason();
            return created.ok() ? Call.failed(session.filterProblem) : created;
        }
        filter = created.answer().filter();
        LOG.infof("Created the Stack Exchange filter %s; set ecopulse.stackexchange.filter to it to save the request",
                filter);
        return created;
    }

    private Call call(String method, String path, Map<String, String> query, ApiSession session, RunContext run)
            throws InterruptedException {
        String refusal = session.refusal();
        if (refusal != null) {
            return Call.notAsked(refusal);
        }
        Instant notBefore = session.notBefore(method);
        if (notBefore != null && notBefore.isAfter(time.now())) {
            Duration wait = Duration.between(time.now(), notBefore);
            if (wait.compareTo(config.maxBackoff()) > 0) {
                return Call.notAsked("not asked: Stack Exchange asked to back off /" + method + " for "
                        + wait.toSeconds() + " s, longer than the " + config.maxBackoff().toSeconds() + " s allowed");
            }
            http.waitOut(run, wait, "waiting " + Math.max(1, wait.toSeconds()) + " s: Stack Exchange asked to back off /"
                    + method);
        }
        UpstreamReply reply = http.send(UpstreamRequest.get(endpoint(method), uri(path, query))
                .header("Accept", "application/json"), run);
        session.counted(reply.attempts());
        if (!reply.answered()) {
            return Call.failed(reply.failure() + " (/" + method + ")");
        }
        Optional<ApiAnswer> answer = ApiDocuments.read(reply.body());
        answer.ifPresent(a -> session.learn(method, a, time.now()));
        if (answer.isPresent() && answer.get().error() != null) {
            ApiError error = answer.get().error();
            String reason = "Stack Exchange answered " + error.describe() + " to /" + method;
            if (error.stopsRun()) {
                session.stop("not asked: " + reason + " earlier in this run");
                LOG.warnf("%s; the run sends no further request", reason);
            }
            return Call.failed(reason);
        }
        if (reply.status() != 200) {
            return Call.failed("Stack Exchange answered HTTP " + reply.status() + " to /" + method);
        }
        if (answer.isEmpty()) {
            return Call.failed("Stack Exchange sent a malformed answer to /" + method);
        }
        return Call.answered(answer.get());
    }

    private URI uri(String path, Map<String, String> query) {
        StringBuilder uri = new StringBuilder(baseUrl).append(path);
        char sep = '?';
        Map<String, String> all = new LinkedHashMap<>(query);
        key().ifPresent(k -> all.put("key", k));
        for (Map.Entry<String, String> e : all.entrySet()) {
            uri.append(sep).append(e.getKey()).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return URI.create(uri.toString());
    }

    private Optional<String> key() {
        return config.key().map(String::trim).filter(k -> !k.isEmpty());
    }

    /** Metric label of a method, e.g. {@code questions-no-answers}. */
    private static String endpoint(String method) {
        return method.replace("/{tags}", "").replace('/', '-');
    }

    /** URL-encodes a tag or a value, so {@code c#} becomes {@code c%23}; semicolons between tags stay as they are. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
