package dev.ecopulse.huggingface.client;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.client.RequestPacer;
import dev.ecopulse.collector.client.ThrottleBackoff;
import dev.ecopulse.collector.client.http.Lookup;
import dev.ecopulse.collector.client.http.UpstreamHttp;
import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.collector.client.http.UpstreamRequest;
import dev.ecopulse.collector.client.http.UpstreamSettings;
import dev.ecopulse.collector.client.http.Upstreams;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.time.TimeSource;
import dev.ecopulse.huggingface.config.HuggingfaceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pages of the Hub's {@code GET /api/models}, asked through collector-core's upstream toolkit (pacing, deadline, body
 * cap, retries). The Hub counts API requests in 5-minute fixed windows and says after every answer how many are left
 * ({@code RateLimit: "api";r=..;t=..}): when none are, the next request waits for the reset instead of earning a 429.
 * A 429 is waited out here, by its {@code Retry-After}, else the {@code RateLimit} reset, else a backoff.
 */
@ApplicationScoped
public class HubClient {

    static final String JSON = "application/json";
    /** Metric labels of the two kinds of page. */
    static final String TAGGED = "models-tagged";
    static final String TOP = "models-top";
    /** Asked after a reset, so the request lands in the new window rather than at its very edge. */
    static final Duration RESET_MARGIN = Duration.ofSeconds(1);

    private final URI base;
    private final int pageSize;
    private final String authorization;
    private final UpstreamHttp http;
    private final ThrottleBackoff throttle;
    private final TimeSource time;
    private final Duration maxWait;
    private volatile Instant bucketResetsAt;
    private volatile RateLimitHeader lastBucket;

    @Inject
    HubClient(HuggingfaceConfig config, Upstreams upstreams) {
        this(config, upstreams.client(settings(config)), upstreams.time());
    }

    /** For tests outside CDI. */
    public HubClient(HuggingfaceConfig config, UpstreamHttp http, TimeSource time) {
        String url = config.url().endsWith("/") ? config.url().substring(0, config.url().length() - 1) : config.url();
        this.base = URI.create(url);
        this.pageSize = config.pageSize();
        this.authorization = config.authorized() ? "Bearer " + config.token().orElseThrow().trim() : null;
        this.http = http;
        this.time = time;
        this.maxWait = config.throttleMaxWait();
        this.throttle = new ThrottleBackoff(config.throttleRetries(), config.throttleBackoff(),
                config.throttleMaxWait(), time.clock());
    }

    /** The toolkit paces to the bucket and retries failures once; 429s are left to this client (-1). */
    public static UpstreamSettings settings(HuggingfaceConfig config) {
        return UpstreamSettings.of("Hugging Face", "huggingface", config.userAgent(), config.timeout(),
                config.requestsPerSecond())
                .withLimits(List.of(new RequestPacer.Limit(config.requestsPerSecond(), Duration.ofSeconds(1)),
                        new RequestPacer.Limit(config.quota(), Duration.ofMinutes(5))))
                .withThrottle(-1, config.throttleBackoff(), config.throttleMaxWait())
                .withRetries(1, config.throttleBackoff());
    }

    /** First page of the models carrying {@code tag}, newest first, with their creation time only. */
    public URI tagged(String tag) {
        return URI.create(base + "/api/models?filter=" + URLEncoder.encode(tag, StandardCharsets.UTF_8)
                + "&sort=createdAt&direction=-1&limit=" + pageSize + "&expand%5B%5D=createdAt");
    }

    /** First page of the Hub's most downloaded models (30 days), with downloads, likes, tags and library. */
    public URI mostDownloaded(int wanted) {
        return URI.create(base + "/api/models?sort=downloads&direction=-1&limit=" + Math.min(wanted, pageSize)
                + "&expand%5B%5D=downloads&expand%5B%5D=likes&expand%5B%5D=tags&expand%5B%5D=library_name");
    }

    /** One page; {@code uri} is a first page from above or a {@code Link} the Hub gave. */
    public Lookup<ModelPage> page(URI uri, RunContext run) throws InterruptedException {
        if (!sameOrigin(uri)) {
            return new Lookup.Failed<>("the Hub's next link leaves " + base + ": " + uri.getHost(), false);
        }
        String kind = uri.getQuery() != null && uri.getQuery().contains("sort=downloads") ? TOP : TAGGED;
        UpstreamRequest request = UpstreamRequest.get(kind, uri).header("Accept", JSON).authorization(authorization);
        for (int throttled = 1; ; throttled++) {
            waitForBucket(run);
            UpstreamReply reply = http.send(request, run);
            if (!reply.answered()) {
                return new Lookup.Failed<>(reply.failure(), reply.throttled());
            }
            Optional<RateLimitHeader> bucket = RateLimitHeader.parse(reply.header("ratelimit"),
                    reply.header("ratelimit-policy"));
            bucket.ifPresent(b -> note(b, reply.receivedAt()));
            if (reply.status() == 429) {
                String hint = reply.header("retry-after") != null ? reply.header("retry-after")
                        : bucket.map(b -> Long.toString(b.reset().plus(RESET_MARGIN).toSeconds())).orElse(null);
                ThrottleBackoff.Step step = throttle.next(throttled, hint);
                if (!step.retry()) {
                    return new Lookup.Failed<>("Hugging Face " + step.giveUpReason(), true);
                }
                bucketResetsAt = null; // this wait covers the reset
                http.waitOut(run, step.delay(), "waiting " + step.delay().toSeconds() + " s: Hugging Face answered"
                        + " 429 to " + uri.getPath() + bucket.map(b -> " (" + b.describe() + ")").orElse(""));
                continue;
            }
            return switch (reply.status()) {
                case 200 -> read(reply, uri);
                case 404 -> new Lookup.NotFound<>("the Hub answered 404 to " + uri.getPath());
                default -> new Lookup.Failed<>("Hugging Face answered HTTP " + reply.status(), false);
            };
        }
    }

    /** The bucket state the last answer reported, if it reported one. */
    public Optional<RateLimitHeader> lastBucket() {
        return Optional.ofNullable(lastBucket);
    }

    private static Lookup<ModelPage> read(UpstreamReply reply, URI uri) {
        Fetched<List<HubModel>> models = ModelList.read(reply.body());
        if (models.value() == null) {
            return new Lookup.Failed<>(models.missingReason(), false);
        }
        URI next = LinkHeader.next(reply.header("link"), uri).orElse(null);
        return new Lookup.Found<>(new ModelPage(models.value(), next));
    }

    private void note(RateLimitHeader bucket, Instant at) {
        lastBucket = bucket;
        bucketResetsAt = bucket.exhausted() && !bucket.reset().isZero() ? at.plus(bucket.reset()) : null;
    }

    /** A used-up bucket is waited out (visible as the run's activity) before the next request leaves. */
    private void waitForBucket(RunContext run) throws InterruptedException {
        Instant resets = bucketResetsAt;
        if (resets == null) {
            return;
        }
        bucketResetsAt = null;
        Duration wait = Duration.between(time.now(), resets).plus(RESET_MARGIN);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        if (wait.compareTo(maxWait) > 0) {
            wait = maxWait;
        }
        RateLimitHeader bucket = lastBucket;
        http.waitOut(run, wait, "waiting " + wait.toSeconds() + " s: the Hugging Face API bucket is used up ("
                + (bucket == null ? "" : bucket.describe()) + ")");
    }

    private boolean sameOrigin(URI uri) {
        return uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(base.getScheme())
                && uri.getHost() != null && uri.getHost().equalsIgnoreCase(base.getHost())
                && port(uri) == port(base) && Objects.equals(uri.getRawUserInfo(), null);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
