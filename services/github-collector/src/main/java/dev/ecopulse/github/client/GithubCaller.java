package dev.ecopulse.github.client;

import dev.ecopulse.collector.client.http.UpstreamHttp;
import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.collector.client.http.UpstreamRequest;
import dev.ecopulse.collector.client.http.UpstreamSettings;
import dev.ecopulse.collector.client.http.Upstreams;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.time.TimeSource;
import dev.ecopulse.github.config.GithubConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends requests within GitHub's rate limits: waits for the reset before a request the remaining budget cannot pay
 * for, and when GitHub answers rate-limited waits as it asks and sends the request again. Waits show in the run's
 * progress. Every request goes through collector-core's upstream toolkit (5xx and timeouts retried twice with
 * backoff, bounded exchanges, the token kept to GitHub's host and to https), which counts REST requests in the run's
 * cost (a 304 with a token is free); GraphQL points are counted from {@code rateLimit.cost}.
 */
@ApplicationScoped
public class GithubCaller {

    private final UpstreamHttp http;
    private final RateLimits limits;
    private final TimeSource sleeper;
    private final GithubConfig config;
    private final MeterRegistry registry;

    GithubCaller(Upstreams upstreams, RateLimits limits, GithubConfig config, MeterRegistry registry) {
        // GitHub's own rate-limit rules (403 or 429, primary or secondary) are applied here, not by the toolkit
        this.http = upstreams.client(new UpstreamSettings("GitHub", "github", GithubRequests.USER_AGENT,
                config.timeout(), List.of(), -1, Duration.ZERO, Duration.ZERO, 2, config.retryDelay(),
                config.authorized()));
        this.limits = limits;
        this.sleeper = upstreams.time();
        this.config = config;
        this.registry = registry;
    }

    /**
     * @param estimatedCost what the request will cost its resource (1 for REST; the estimated points of a query)
     * @throws UpstreamUnavailableException after the retries of a 5xx or timeout
     * @throws RateLimitedException when GitHub keeps it rate-limited beyond the configured waits
     */
    public UpstreamReply call(Endpoint endpoint, long estimatedCost, RunContext run, Supplier<UpstreamRequest> request)
            throws InterruptedException {
        String resource = endpoint.resource();
        int limited = 0;
        int backoffs = 0;
        while (true) {
            Optional<Duration> budgetWait = limits.waitBefore(resource, estimatedCost, sleeper.now());
            if (budgetWait.isPresent()) {
                if (budgetWait.get().compareTo(config.maxWait()) > 0) {
                    throw new RateLimitedException("GitHub's " + resource + " budget resets only in "
                            + budgetWait.get().toSeconds() + " s, longer than the " + config.maxWait().toSeconds()
                            + " s allowed (ecopulse.github.max-wait)");
                }
                Instant until = sleeper.now().plus(budgetWait.get());
                pause(run, budgetWait.get(), "waiting for GitHub rate-limit reset until " + until + " ("
                        + limits.remaining(resource).orElse(0) + " " + resource + " left, next request needs "
                        + estimatedCost + ")");
                limits.refilled(resource);
            }
            UpstreamReply answer = exchange(request.get(), run);
            limits.update(answer);
            Optional<RateLimitPolicy.Throttle> throttle = RateLimitPolicy.throttle(answer, backoffs,
                    config.secondaryBackoff(), sleeper.now(), limits.reset(resource));
            if (throttle.isEmpty()) {
                countCost(endpoint, answer, run);
                return answer;
            }
            RateLimitPolicy.Throttle t = throttle.get();
            limited++;
            if (limited > config.rateLimitRetries()) {
                throw new RateLimitedException("GitHub answered rate-limited " + limited + " times in a row");
            }
            if (t.delay().compareTo(config.maxWait()) > 0) {
                throw new RateLimitedException("GitHub asked to wait " + t.delay().toSeconds()
                        + " s, longer than the " + config.maxWait().toSeconds() + " s allowed (ecopulse.github.max-wait)");
            }
            if (t.backoff()) {
                backoffs++;
            }
            pause(run, t.delay(), t.activity());
            if (t.primary()) {
                limits.refilled(resource);
            }
        }
    }

    /** @throws UpstreamUnavailableException when retries of a 5xx, a timeout or no connection did not help */
    private UpstreamReply exchange(UpstreamRequest request, RunContext run) throws InterruptedException {
        UpstreamReply answer = http.send(request, run);
        if (!answer.answered()) {
            throw new UpstreamUnavailableException(answer.failure());
        }
        if (answer.status() >= 500) {
            throw new UpstreamUnavailableException("GitHub answered " + answer.status() + " (retried with backoff)");
        }
        return answer;
    }

    /** Logged, shown as the run's activity and waited through the one clock, by the toolkit. */
    private void pause(RunContext run, Duration wait, String activity) throws InterruptedException {
        http.waitOut(run, wait, activity);
    }

    /**
     * The quota metric: one REST request, except a 304 sent with a token, which GitHub does not count (the run's cost
     * was counted by the toolkit). GraphQL points are counted by the caller from {@code rateLimit.cost}.
     */
    private void countCost(Endpoint endpoint, UpstreamReply answer, RunContext run) {
        if (endpoint == Endpoint.GRAPHQL || (answer.status() == 304 && config.authorized())) {
            return;
        }
        registry.counter("ecopulse.github.quota.used", "resource", endpoint.resource()).increment();
    }

    /** GraphQL points reported by {@code rateLimit.cost}. */
    public void countPoints(long points, RunContext run) {
        if (points > 0) {
            run.addCost(points);
            registry.counter("ecopulse.github.quota.used", "resource", Endpoint.GRAPHQL.resource()).increment(points);
        }
    }
}
