package dev.ecopulse.github.client;

import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.github.config.GithubConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the collector knows of each GitHub rate-limit resource ({@code core}, {@code search}, {@code graphql}): limit,
 * remaining and reset, from the headers of every answer and GraphQL's {@code rateLimit} object. Says when a request
 * must wait for the reset so the budget (less a reserve) is never overdrawn, and shows the state as gauges
 * {@code ecopulse_github_rate_limit_remaining}, {@code _limit} and {@code _reset_timestamp_seconds} per resource.
 */
@ApplicationScoped
public class RateLimits {

    /** The budget of one resource; -1 while unknown. */
    static final class Budget {
        volatile long limit = -1;
        volatile long remaining = -1;
        volatile Instant reset;

        double resetEpochSeconds() {
            Instant r = reset;
            return r == null ? 0 : r.getEpochSecond();
        }
    }

    private final Map<String, Budget> budgets = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final GithubConfig config;

    RateLimits(MeterRegistry registry, GithubConfig config) {
        this.registry = registry;
        this.config = config;
    }

    /** Reads {@code x-ratelimit-*} headers; {@code x-ratelimit-resource} names the resource when present. */
    public void update(UpstreamReply answer) {
        OptionalLong remaining = answer.longHeader("x-ratelimit-remaining");
        OptionalLong reset = answer.longHeader("x-ratelimit-reset");
        if (remaining.isEmpty() && reset.isEmpty()) {
            return;
        }
        String resource = Optional.ofNullable(answer.header("x-ratelimit-resource"))
                .orElse(Endpoint.of(answer).resource());
        Budget budget = budget(resource);
        answer.longHeader("x-ratelimit-limit").ifPresent(l -> budget.limit = l);
        remaining.ifPresent(r -> budget.remaining = r);
        reset.ifPresent(r -> budget.reset = Instant.ofEpochSecond(r));
    }

    /** From GraphQL's {@code rateLimit { limit remaining resetAt }}. */
    public void update(String resource, long limit, long remaining, Instant reset) {
        Budget budget = budget(resource);
        if (limit >= 0) {
            budget.limit = limit;
        }
        budget.remaining = remaining;
        budget.reset = reset;
    }

    /**
     * How long to wait before spending {@code cost} on {@code resource}: until the reset when the remaining budget,
     * less the reserve, does not cover it; empty when it does or nothing is known yet.
     */
    public Optional<Duration> waitBefore(String resource, long cost, Instant now) {
        Budget budget = budgets.get(resource);
        if (budget == null || budget.remaining < 0 || budget.reset == null || !now.isBefore(budget.reset)) {
            return Optional.empty();
        }
        long reserve = budget.limit > 0 ? (long) Math.floor(budget.limit * config.budgetReserve()) : 0;
        if (budget.limit > 0 && cost > budget.limit - reserve) {
            return Optional.empty(); // could never fit: spend it and let GitHub decide
        }
        if (budget.remaining - cost >= reserve) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, budget.reset).plusSeconds(1));
    }

    /** After waiting for the reset: the budget is whole again until an answer says otherwise. */
    public void refilled(String resource) {
        Budget budget = budget(resource);
        budget.remaining = budget.limit;
        budget.reset = null;
    }

    public Optional<Instant> reset(String resource) {
        return Optional.ofNullable(budgets.get(resource)).map(b -> b.reset);
    }

    public OptionalLong remaining(String resource) {
        Budget budget = budgets.get(resource);
        return budget == null || budget.remaining < 0 ? OptionalLong.empty() : OptionalLong.of(budget.remaining);
    }

    private Budget budget(String resource) {
        return budgets.computeIfAbsent(resource, r -> {
            Budget budget = new Budget();
            Gauge.builder("ecopulse.github.rate.limit.remaining", budget, b -> b.remaining)
                    .description("Requests or points left in the current GitHub rate-limit window (-1: unknown)")
                    .tag("resource", r).register(registry);
            Gauge.builder("ecopulse.github.rate.limit.limit", budget, b -> b.limit)
                    .description("Size of the GitHub rate-limit window (-1: unknown)")
                    .tag("resource", r).register(registry);
            Gauge.builder("ecopulse.github.rate.limit.reset.timestamp", budget, Budget::resetEpochSeconds)
                    .baseUnit("seconds").description("When the GitHub rate-limit window resets (0: unknown)")
                    .tag("resource", r).register(registry);
            return budget;
        });
    }
}
