package dev.ecopulse.collector.client.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ecopulse.collector.client.RequestPacer;
import dev.ecopulse.collector.client.UpstreamMetrics;
import dev.ecopulse.testsupport.VirtualTime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The polite exchange against WireMock, in virtual time: pacing, 429 waits, retries, ETags, gzip, cost. */
class UpstreamHttpTest {

    static final String UA = "ecopulse-test-collector/test (+https://ecopulse.dev)";

    final WireMockServer wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    final VirtualTime time = new VirtualTime(Instant.parse("2026-11-28T10:00:00Z"));
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final RecordingRun run = new RecordingRun();

    @BeforeEach
    void start() {
        wireMock.start();
        time.activityFrom(() -> run.activity);
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    @Test
    void keepsAPublishedLimitOfFivePerSecondAndThirtyPerMinute() throws Exception {
        wireMock.stubFor(get(urlEqualTo("/api/packages/optax/recent")).willReturn(okJson("{}")));
        UpstreamHttp http = http(settings().withLimits(List.of(new RequestPacer.Limit(5, Duration.ofSeconds(1)),
                new RequestPacer.Limit(30, Duration.ofMinutes(1)))));

        for (int i = 0; i < 45; i++) {
            http.send(UpstreamRequest.get("recent", uri("/api/packages/optax/recent")), run);
        }

        // 30 go out in the first 6 seconds; the other 15 wait for the minute window to move on
        assertThat(time.now()).isAfterOrEqualTo(Instant.parse("2026-11-28T10:01:00Z"));
        assertThat(time.waitsWhile("429")).isEmpty();
        assertThat(run.cost).hasValue(45);
    }

    @Test
    void waitsWhatRetryAfterSaysAndAsksAgain() throws Exception {
        stubSequence("/api/packages/optax/recent",
                aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("<h1>Too Many Requests</h1>"),
                okJson("{\"data\":{}}"));

        UpstreamReply reply = http(settings()).send(UpstreamRequest.get("recent", uri("/api/packages/optax/recent")),
                run);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(time.waitsWhile("answered 429")).containsExactly(Duration.ofSeconds(7));
        assertThat(run.activities).containsExactly("waiting 7 s: pypistats answered 429 to /api/packages/optax/recent");
        assertThat(run.activity).isNull();
        assertThat(run.cost).hasValue(2);
        assertThat(registry.get("ecopulse.collector.upstream.requests").tag("status", "429").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void backsOffExponentiallyWithoutRetryAfterThenGivesUpWithTheReason() throws Exception {
        wireMock.stubFor(get(urlEqualTo("/api/packages/optax/recent")).willReturn(aResponse().withStatus(429)));

        UpstreamReply reply = http(settings()).send(UpstreamRequest.get("recent", uri("/api/packages/optax/recent")),
                run);

        assertThat(reply.answered()).isFalse();
        assertThat(reply.throttled()).isTrue();
        assertThat(reply.failure()).isEqualTo("pypistats answered 429 5 times in a row");
        assertThat(time.waitsWhile("answered 429")).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(40));
    }

    @Test
    void retriesAfterAServerErrorOrNoAnswerThenHandsTheAnswerBack() throws Exception {
        stubSequence("/pypi/optax/json", aResponse().withStatus(503), okJson("{\"info\":{}}"));
        assertThat(http(settings()).send(UpstreamRequest.get("json", uri("/pypi/optax/json")), run).status())
                .isEqualTo(200);

        wireMock.stubFor(get(urlEqualTo("/pypi/chex/json")).willReturn(aResponse().withStatus(502)));
        assertThat(http(settings()).send(UpstreamRequest.get("json", uri("/pypi/chex/json")), run).status())
                .isEqualTo(502);

        wireMock.stubFor(get(urlEqualTo("/pypi/jax/json"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        UpstreamReply reset = http(settings()).send(UpstreamRequest.get("json", uri("/pypi/jax/json")), run);
        assertThat(reset.answered()).isFalse();
        assertThat(reset.failure()).startsWith("pypistats did not answer: ");
        assertThat(time.waitsWhile("retrying in 5 s")).hasSize(3);
        assertThat(run.cost).hasValue(6);
    }

    @Test
    void identifiesItselfSendsTheEtagAndAcceptsGzip() throws Exception {
        String big = "{\"info\":{\"summary\":\"" + "x".repeat(20_000) + "\"}}";
        wireMock.stubFor(get(urlEqualTo("/pypi/optax/json")).willReturn(okJson(big).withHeader("ETag", "\"abc\"")));

        UpstreamReply reply = http(settings()).send(UpstreamRequest.get("json", uri("/pypi/optax/json"))
                .header("Accept", "application/json").ifNoneMatch("\"abc\""), run);

        assertThat(reply.body()).isEqualTo(big);
        // a compressing server marks its ETag (Jetty: "abc--gzip") and understands it when it comes back
        assertThat(reply.etag()).startsWith("\"abc");
        wireMock.verify(getRequestedFor(urlEqualTo("/pypi/optax/json")).withHeader("User-Agent", equalTo(UA))
                .withHeader("If-None-Match", equalTo("\"abc\"")).withHeader("Accept-Encoding", equalTo("gzip"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void readsAGzippedBody() throws Exception {
        String json = "{\"data\":{\"last_day\":61934}}";
        wireMock.stubFor(get(urlEqualTo("/api/packages/optax/recent")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(HostileBodies.gzip(json.getBytes()))));

        assertThat(http(settings()).send(UpstreamRequest.get("recent", uri("/api/packages/optax/recent")), run)
                .body()).isEqualTo(json);
    }

    @Test
    void aNotModifiedAnswerIsFreeOnlyWhereTheUpstreamSaysSo() throws Exception {
        wireMock.stubFor(get(urlEqualTo("/repos/a/b")).willReturn(aResponse().withStatus(304)));

        http(settings()).send(UpstreamRequest.get("repository", uri("/repos/a/b")), run);
        http(settings().withFreeNotModified(true)).send(UpstreamRequest.get("repository", uri("/repos/a/b")), run);

        assertThat(run.cost).hasValue(1);
    }

    private UpstreamSettings settings() {
        return new UpstreamSettings("pypistats", "pypi", UA, Duration.ofSeconds(5),
                List.of(new RequestPacer.Limit(5, Duration.ofSeconds(1))), 4, Duration.ofSeconds(5),
                Duration.ofSeconds(120), 1, Duration.ofSeconds(5), false);
    }

    private UpstreamHttp http(UpstreamSettings settings) {
        return Upstreams.create(settings, 1 << 20, false, time, new UpstreamMetrics(registry), registry);
    }

    private void stubSequence(String path, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        wireMock.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("answered"));
        wireMock.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("answered").willReturn(then));
    }

    private URI uri(String path) {
        return URI.create(wireMock.baseUrl() + path);
    }
}
