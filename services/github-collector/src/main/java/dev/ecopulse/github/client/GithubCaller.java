package dev.ecopulse.github.client;

import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.github.config.GithubConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Sends requests within GitHub's rate limits: waits for the reset before a request the remaining budget cannot pay
 * for, and when GitHub answers rate-limited waits as it asks and sends the request again. Waits show in the run's
 * progress. Counts what each request cost against the primary limits.
 */
@ApplicationScoped
public class GithubCaller {

    private static final Logger LOG = Logger.getLogger(GithubCaller.class);

    private final GithubTransport transport;
    private final RateLimits limits;
    private final Sleeper sleeper;
    private final GithubConfig config;
    private final MeterRegistry registry;

    GithubCaller(GithubTransport transport, RateLimits limits, Sleeper sleeper, GithubConfig config,
            MeterRegistry registry) {
        this.transport = transport;
        this.limits = limits;
        this.sleeper = sleeper;
        this.config = config;
        this.registry = registry;
    }

    /**
     * @param estimatedCost what the request will cost its resource (1 for REST; the estimated points of a query)
     * @throws UpstreamUnavailableException after the retries of a 5xx or timeout
     * @throws RateLimitedException when GitHub keeps it rate-limited beyond the configured waits
     */
    public Answer call(Endpoint endpoint, long estimatedCost, RunContext run, Supplier<Response> request)
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
            Answer answer = transport.exchange(endpoint, request);
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

    private void pause(RunContext run, Duration wait, String activity) throws InterruptedException {
        LOG.infof("Run %s: %s", run.runId(), activity);
        run.status(activity);
        try {
            sleeper.sleep(wait);
        } finally {
            run.status(null);
        }
    }

    /**
     * REST: one request, except a 304 sent with a token, which GitHub does not count. GraphQL points are counted by
     * the caller from {@code rateLimit.cost}.
     */
    private void countCost(Endpoint endpoint, Answer answer, RunContext run) {
        if (endpoint == Endpoint.GRAPHQL || (answer.status() == 304 && config.authorized())) {
            return;
        }
        run.addCost(1);
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
