package dev.ecopulse.github.client;

import static dev.ecopulse.github.client.Replies.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.client.http.UpstreamReply;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rate-limited answers in GitHub's formats, and how long each one makes the collector wait. */
class RateLimitPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void restPrimaryLimitWaitsUntilOneSecondAfterTheReset() {
        UpstreamReply answer = answer(Endpoint.CONTRIBUTORS, 403, Map.of("x-ratelimit-remaining", "0",
                "x-ratelimit-reset", Long.toString(NOW.plusSeconds(1200).getEpochSecond()),
                "x-ratelimit-resource", "core"),
                "{\"message\":\"API rate limit exceeded for user ID 1.\",\"documentation_url\":"
                        + "\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\",\"status\":\"403\"}");

        RateLimitPolicy.Throttle throttle = RateLimitPolicy.throttle(answer, 0, MINUTE, NOW, Optional.empty())
                .orElseThrow();

        assertThat(throttle.delay()).isEqualTo(Duration.ofSeconds(1201));
        assertThat(throttle.primary()).isTrue();
        assertThat(throttle.activity()).isEqualTo("waiting for GitHub rate-limit reset until 2026-11-28T10:20:01Z"
                + " (core)");
    }

    @Test
    void graphqlPrimaryLimitIsAn200WithARateLimitedError() {
        UpstreamReply answer = answer(Endpoint.GRAPHQL, 200, Map.of("x-ratelimit-remaining", "0",
                "x-ratelimit-reset", Long.toString(NOW.plusSeconds(600).getEpochSecond())),
                "{\"errors\":[{\"type\":\"RATE_LIMITED\",\"code\":\"graphql_rate_limit\","
                        + "\"message\":\"API rate limit already exceeded for user ID 1.\"}]}");

        RateLimitPolicy.Throttle throttle = RateLimitPolicy.throttle(answer, 0, MINUTE, NOW, Optional.empty())
                .orElseThrow();

        assertThat(throttle.delay()).isEqualTo(Duration.ofSeconds(601));
        assertThat(throttle.primary()).isTrue();
    }

    @Test
    void graphqlPrimaryLimitWithoutHeadersWaitsForTheKnownReset() {
        UpstreamReply answer = answer(Endpoint.GRAPHQL, 200, Map.of(),
                "{\"errors\":[{\"type\":\"RATE_LIMITED\",\"message\":\"API rate limit exceeded\"}]}");

        assertThat(RateLimitPolicy.throttle(answer, 0, MINUTE, NOW, Optional.of(NOW.plusSeconds(99))))
                .map(RateLimitPolicy.Throttle::delay).contains(Duration.ofSeconds(100));
    }

    @Test
    void secondaryLimitWaitsWhatRetryAfterSays() {
        UpstreamReply answer = answer(Endpoint.GRAPHQL, 403, Map.of("retry-after", "90", "x-ratelimit-remaining", "4000"),
                "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try"
                        + " again.\"}");

        RateLimitPolicy.Throttle throttle = RateLimitPolicy.throttle(answer, 0, MINUTE, NOW, Optional.empty())
                .orElseThrow();

        assertThat(throttle.delay()).isEqualTo(Duration.ofSeconds(90));
        assertThat(throttle.primary()).isFalse();
        assertThat(throttle.backoff()).isFalse();
    }

    @Test
    void secondaryLimitWithoutRetryAfterBacksOffFromOneMinuteDoubling() {
        UpstreamReply answer = answer(Endpoint.CONTRIBUTORS, 429, Map.of("x-ratelimit-remaining", "4000"),
                "{\"message\":\"You have exceeded a secondary rate limit.\"}");

        assertThat(RateLimitPolicy.throttle(answer, 0, MINUTE, NOW, Optional.empty()))
                .map(RateLimitPolicy.Throttle::delay).contains(Duration.ofSeconds(60));
        assertThat(RateLimitPolicy.throttle(answer, 1, MINUTE, NOW, Optional.empty()))
                .map(RateLimitPolicy.Throttle::delay).contains(Duration.ofSeconds(120));
        assertThat(RateLimitPolicy.throttle(answer, 2, MINUTE, NOW, Optional.empty()))
                .map(RateLimitPolicy.Throttle::delay).contains(Duration.ofSeconds(240));
    }

    @Test
    void graphqlSecondaryLimitIsNotMistakenForAnExhaustedBudget() {
        UpstreamReply answer = answer(Endpoint.GRAPHQL, 200, Map.of("x-ratelimit-remaining", "4000",
                "x-ratelimit-reset", Long.toString(NOW.plusSeconds(3000).getEpochSecond())),
                "{\"errors\":[{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes"
                        + " before you try again.\"}]}");

        RateLimitPolicy.Throttle throttle = RateLimitPolicy.throttle(answer, 0, MINUTE, NOW, Optional.empty())
                .orElseThrow();

        assertThat(throttle.delay()).isEqualTo(MINUTE);
        assertThat(throttle.backoff()).isTrue();
    }

    @Test
    void aLimitOnOneAliasIsAnAnswerWithThatAliasMissingNotAThrottledQuery() {
        UpstreamReply answer = answer(Endpoint.GRAPHQL, 200, Map.of("x-ratelimit-remaining", "4000"),
                "{\"data\":{\"r0\":{\"stargazerCount\":1},\"c0\":null},\"errors\":[{\"type\":\"RATE_LIMITED\","
                        + "\"path\":[\"c0\"],\"message\":\"API rate limit exceeded for search\"}]}");

        assertThat(RateLimitPolicy.throttle(answer, 0, MINUTE, NOW, Optional.empty())).isEmpty();
    }

    @Test
    void aContributorListTooLargeIsNotARateLimit() {
        UpstreamReply answer = answer(Endpoint.CONTRIBUTORS, 403, Map.of("x-ratelimit-remaining", "4321"),
                "{\"message\":\"The history or contributor list is too large to list contributors for this"
                        + " repository via the API.\",\"documentation_url\":\"https://docs.github.com/rest/repos/"
                        + "repos#list-repository-contributors\",\"status\":\"403\"}");

        assertThat(RateLimitPolicy.throttle(answer, 0, MINUTE, NOW, Optional.empty())).isEmpty();
    }

    @Test
    void ordinaryAnswersAreNotThrottled() {
        assertThat(RateLimitPolicy.throttle(answer(Endpoint.GRAPHQL, 200, Map.of("x-ratelimit-remaining", "0"),
                "{\"data\":{\"r0\":null},\"errors\":[{\"type\":\"NOT_FOUND\",\"path\":[\"r0\"],"
                        + "\"message\":\"Could not resolve to a Repository with the name 'a/b'.\"}]}"),
                0, MINUTE, NOW, Optional.empty())).isEmpty();
        assertThat(RateLimitPolicy.throttle(answer(Endpoint.REPOSITORY, 404, Map.of(), "{\"message\":\"Not Found\"}"),
                0, MINUTE, NOW, Optional.empty())).isEmpty();
    }

    static UpstreamReply answer(Endpoint endpoint, int status, Map<String, String> headers, String body) {
        return reply(endpoint, status, headers, body, NOW, false);
    }
}
