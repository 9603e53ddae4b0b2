package dev.ecopulse.github.client;

import dev.ecopulse.collector.client.http.UpstreamReply;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.collector.client.RetryAfter;
import dev.ecopulse.contract.event.EventJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Recognises a rate-limited answer and says how long to wait, in GitHub's documented order: {@code retry-after} if
 * present; else, with {@code x-ratelimit-remaining: 0}, until {@code x-ratelimit-reset}; else (a secondary limit) at
 * least a minute, doubling each time. GraphQL reports an exhausted primary limit as HTTP 200 with a
 * {@code RATE_LIMITED} error.
 */
public final class RateLimitPolicy {

    /** A rate-limited answer: wait {@code wait}, then ask again. {@code backoff} when no header said how long. */
    public record Throttle(Duration delay, boolean primary, boolean backoff, String activity) {
    }

    private RateLimitPolicy() {
    }

    /**
     * @param backoffsSoFar exponential backoffs this request already had (0 for the first)
     * @param knownReset the reset of the answer's resource as known before, used when the answer carries none
     */
    public static Optional<Throttle> throttle(UpstreamReply answer, int backoffsSoFar, Duration firstBackoff, Instant now,
            Optional<Instant> knownReset) {
        if (!isRateLimited(answer)) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = RetryAfter.parse(answer.header("retry-after"), now);
        if (retryAfter.isPresent()) {
            Duration wait = retryAfter.get();
            return Optional.of(new Throttle(wait, false, false, "waiting " + wait.toSeconds()
                    + " s as GitHub's retry-after asks (secondary rate limit, " + answer.endpoint() + ")"));
        }
        OptionalLong remaining = answer.longHeader("x-ratelimit-remaining");
        boolean exhausted = remaining.isPresent() && remaining.getAsLong() == 0;
        boolean graphqlPrimary = graphqlLimit(answer) == GraphqlLimit.PRIMARY
                && !(remaining.isPresent() && remaining.getAsLong() > 0);
        if (exhausted || graphqlPrimary) {
            OptionalLong reset = answer.longHeader("x-ratelimit-reset");
            Optional<Instant> until = reset.isPresent() ? Optional.of(Instant.ofEpochSecond(reset.getAsLong()))
                    : knownReset;
            if (until.isPresent()) {
                // one second after the reset, so the first request after it is not still counted in the old window
                Instant resumeAt = until.get().plusSeconds(1);
                Duration wait = Duration.between(now, resumeAt);
                return Optional.of(new Throttle(wait.isNegative() ? Duration.ZERO : wait, true, false,
                        "waiting for GitHub rate-limit reset until " + resumeAt + " (" + resource(answer) + ")"));
            }
        }
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(backoffsSoFar, 10));
        return Optional.of(new Throttle(wait, false, true, "backing off " + wait.toSeconds()
                + " s after a GitHub secondary rate limit (" + answer.endpoint() + ")"));
    }

    /** 403/429 that speak of a rate limit (not e.g. a contributor list too large), or GraphQL's RATE_LIMITED. */
    static boolean isRateLimited(UpstreamReply answer) {
        int status = answer.status();
        if (status == 429) {
            return true;
        }
        if (status == 403) {
            OptionalLong remaining = answer.longHeader("x-ratelimit-remaining");
            return answer.header("retry-after") != null
                    || (remaining.isPresent() && remaining.getAsLong() == 0)
                    || mentionsRateLimit(answer.body());
        }
        return status == 200 && graphqlLimit(answer) != GraphqlLimit.NONE;
    }

    private enum GraphqlLimit {
        NONE, PRIMARY, SECONDARY
    }

    /**
     * GraphQL answers a limit on the whole query with HTTP 200 and an error without {@code path}: type RATE_LIMITED,
     * or a message naming the limit.
     */
    private static GraphqlLimit graphqlLimit(UpstreamReply answer) {
        if (!Endpoint.GRAPHQL.label().equals(answer.endpoint()) || !answer.body().contains("RATE_LIMIT")
                && !mentionsRateLimit(answer.body())) {
            return GraphqlLimit.NONE;
        }
        try {
            for (JsonNode error : EventJson.mapper().readTree(answer.body()).path("errors")) {
                if (!error.path("path").isEmpty()) {
                    continue; // one alias refused (e.g. a search): its signals go missing, the rest is an answer
                }
                String message = error.path("message").asText().toLowerCase(Locale.ROOT);
                if (message.contains("secondary rate limit")) {
                    return GraphqlLimit.SECONDARY;
                }
                if ("RATE_LIMITED".equals(error.path("type").asText()) || mentionsRateLimit(message)) {
                    return GraphqlLimit.PRIMARY;
                }
            }
            return GraphqlLimit.NONE;
        } catch (IOException unreadable) {
            return GraphqlLimit.NONE;
        }
    }

    private static boolean mentionsRateLimit(String text) {
        return text.toLowerCase(Locale.ROOT).contains("rate limit");
    }

    private static String resource(UpstreamReply answer) {
        String resource = answer.header("x-ratelimit-resource");
        return resource != null ? resource : Endpoint.of(answer).resource();
    }
}
