package dev.ecopulse.pypi.client;

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
import dev.ecopulse.collector.client.ThrottleBackoff;
import dev.ecopulse.pypi.support.VirtualWaitClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The polite GET against WireMock, in virtual time: pacing, 429 waits, retries, ETags, gzip, identification. */
class UpstreamHttpTest {

    static final String UA = "ecopulse-pypi-collector/test (+https://ecopulse.dev)";

    final WireMockServer wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    final VirtualWaitClock time = new VirtualWaitClock(new SimpleMeterRegistry());
    final List<String> log = new ArrayList<>();
    final List<Instant> sentAt = new ArrayList<>();

    @BeforeEach
    void start() {
        wireMock.start();
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    @Test
    void keepsPypistatsPublishedLimitOfFivePerSecondAndThirtyPerMinute() throws Exception {
        wireMock.stubFor(get(urlEqualTo("/api/packages/optax/recent")).willReturn(okJson("{}")));
        UpstreamHttp http = http(List.of(new RequestPacer.Limit(5, Duration.ofSeconds(1)),
                new RequestPacer.Limit(30, Duration.ofMinutes(1))));

        for (int i = 0; i < 45; i++) {
            http.get("recent", uri("/api/packages/optax/recent"), "application/json", null);
        }

        assertThat(maxInWindow(sentAt, Duration.ofSeconds(1))).isEqualTo(5);
        assertThat(maxInWindow(sentAt, Duration.ofMinutes(1))).isEqualTo(30);
        assertThat(Duration.between(sentAt.get(0), sentAt.get(30))).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(time.throttleWaits()).isEmpty();
    }

    @Test
    void waitsWhatRetryAfterSaysAndAsksAgain() throws Exception {
        stubSequence("/api/packages/optax/recent",
                aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("<h1>Too Many Requests</h1>"),
                okJson("{\"data\":{}}"));

        HttpReply reply = http().get("recent", uri("/api/packages/optax/recent"), "application/json", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(time.throttleWaits()).extracting(VirtualWaitClock.ThrottleWait::duration)
                .containsExactly(Duration.ofSeconds(7));
        assertThat(log).containsExactly("recent 429", "recent 200");
    }

    @Test
    void backsOffExponentiallyWithoutRetryAfterThenGivesUpWithTheReason() throws Exception {
        wireMock.stubFor(get(urlEqualTo("/api/packages/optax/recent")).willReturn(aResponse().withStatus(429)));

        HttpReply reply = http().get("recent", uri("/api/packages/optax/recent"), "application/json", null);

        assertThat(reply.answered()).isFalse();
        assertThat(reply.throttled()).isTrue();
        assertThat(reply.failure()).isEqualTo("pypistats answered 429 5 times in a row");
        assertThat(time.throttleWaits()).extracting(VirtualWaitClock.ThrottleWait::duration).containsExactly(
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40));
    }

    @Test
    void retriesOnceAfterAServerErrorOrNoAnswer() throws Exception {
        stubSequence("/pypi/optax/json", aResponse().withStatus(503), okJson("{\"info\":{}}"));
        assertThat(http().get("json", uri("/pypi/optax/json"), "application/json", null).status()).isEqualTo(200);

        wireMock.stubFor(get(urlEqualTo("/pypi/chex/json")).willReturn(aResponse().withStatus(502)));
        assertThat(http().get("json", uri("/pypi/chex/json"), "application/json", null).status()).isEqualTo(502);

        wireMock.stubFor(get(urlEqualTo("/pypi/jax/json"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HttpReply reset = http().get("json", uri("/pypi/jax/json"), "application/json", null);
        assertThat(reset.answered()).isFalse();
        assertThat(reset.failure()).startsWith("pypistats did not answer: ");
        assertThat(log).containsExactly("json 503", "json 200", "json 502", "json 502", "json none", "json none");
    }

    @Test
    void identifiesItselfSendsTheEtagAndAcceptsGzip() throws Exception {
        String big = "{\"info\":{\"summary\":\"" + "x".repeat(20_000) + "\"}}";
        wireMock.stubFor(get(urlEqualTo("/pypi/optax/json")).willReturn(okJson(big).withHeader("ETag", "\"abc\"")));

        HttpReply reply = http().get("json", uri("/pypi/optax/json"), "application/json", "\"abc\"");

        assertThat(reply.body()).isEqualTo(big);
        // a compressing server marks its ETag (Jetty: "abc--gzip") and understands it when it comes back
        assertThat(reply.etag()).startsWith("\"abc");
        wireMock.verify(getRequestedFor(urlEqualTo("/pypi/optax/json")).withHeader("User-Agent", equalTo(UA))
                .withHeader("If-None-Match", equalTo("\"abc\"")).withHeader("Accept-Encoding", equalTo("gzip")));
    }

    @Test
    void readsAGzippedBody() throws Exception {
        String json = "{\"data\":{\"last_day\":61934}}";
        wireMock.stubFor(get(urlEqualTo("/api/packages/optax/recent")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(gzip(json))));

        assertThat(http().get("recent", uri("/api/packages/optax/recent"), "application/json", null).body())
                .isEqualTo(json);
    }

    @Test
    void sendsNoEtagWhenItHoldsNoCopy() throws Exception {
        wireMock.stubFor(get(urlEqualTo("/pypi/optax/json")).willReturn(okJson("{}")));

        http().get("json", uri("/pypi/optax/json"), "application/json", null);

        wireMock.verify(getRequestedFor(urlEqualTo("/pypi/optax/json")).withHeader("If-None-Match", absent()));
    }

    private UpstreamHttp http() {
        return http(List.of(new RequestPacer.Limit(5, Duration.ofSeconds(1))));
    }

    private UpstreamHttp http(List<RequestPacer.Limit> limits) {
        return new UpstreamHttp(new UpstreamHttp.Settings("pypistats", UA, Duration.ofSeconds(5), Duration.ofSeconds(2)),
                new RequestPacer(limits, time.clock(), time::sleep),
                new ThrottleBackoff(4, Duration.ofSeconds(5), Duration.ofSeconds(120), time.clock()), time,
                (endpoint, status) -> {
                    log.add(endpoint + " " + status);
                    sentAt.add(time.now());
                });
    }

    private void stubSequence(String path, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        wireMock.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("answered"));
        wireMock.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("answered").willReturn(then));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private URI uri(String path) {
        return URI.create(wireMock.baseUrl() + path);
    }

    private static long maxInWindow(List<Instant> sends, Duration window) {
        long max = 0;
        for (Instant start : sends) {
            max = Math.max(max, sends.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plus(window)))
                    .count());
        }
        return max;
    }
}
