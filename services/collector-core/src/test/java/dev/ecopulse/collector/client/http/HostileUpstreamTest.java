package dev.ecopulse.collector.client.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
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

/** What a hostile or broken upstream can send, and how every exchange stays bounded in memory, time and trust. */
class HostileUpstreamTest {

    static final long CAP = 64 * 1024;
    static final String TOKEN = "Bearer test-token-4f1c9a";

    // no gzip of its own: the bodies go out exactly as the stubs say
    final WireMockServer upstream = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
            .gzipDisabled(true));
    final WireMockServer elsewhere = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    final VirtualTime time = new VirtualTime(Instant.parse("2026-11-28T10:00:00Z"));
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final RecordingRun run = new RecordingRun();

    @BeforeEach
    void start() {
        upstream.start();
        elsewhere.start();
    }

    @AfterEach
    void stop() {
        upstream.stop();
        elsewhere.stop();
    }

    @Test
    void refusesABodyLargerThanTheCapAndDoesNotAskAgain() throws Exception {
        upstream.stubFor(get(urlEqualTo("/big")).willReturn(okJson("[" + "1,".repeat(100_000) + "1]")));

        UpstreamReply reply = http(false).send(UpstreamRequest.get("json", uri(upstream, "/big")), run);

        assertThat(reply.answered()).isFalse();
        assertThat(reply.failure()).startsWith("test upstream sent a body")
                .endsWith("larger than the 65536 bytes allowed (ecopulse.upstream.max-body-size)");
        upstream.verify(1, getRequestedFor(urlEqualTo("/big")));
    }

    @Test
    void refusesAnOversizedChunkedBodyWithoutALengthToo() throws Exception {
        upstream.stubFor(get(urlEqualTo("/big")).willReturn(aResponse().withStatus(200)
                .withBody("x".repeat(400_000)).withChunkedDribbleDelay(40, 200)));

        UpstreamReply reply = http(false).send(UpstreamRequest.get("json", uri(upstream, "/big")), run);

        assertThat(reply.failure()).startsWith("test upstream sent a body larger than the 65536 bytes allowed");
    }

    @Test
    void refusesAGzipBombWithoutInflatingItIntoMemory() throws Exception {
        byte[] bomb = HostileBodies.gzipBomb(256L << 20); // 256 MiB of zeros in about a quarter of a megabyte
        assertThat(bomb.length).isLessThan(512 * 1024);
        upstream.stubFor(get(urlEqualTo("/bomb")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(bomb)));

        UpstreamReply reply = Upstreams.create(settings(), 1 << 20, false, time, new UpstreamMetrics(registry),
                registry).send(UpstreamRequest.get("json", uri(upstream, "/bomb")), run);

        assertThat(reply.answered()).isFalse();
        assertThat(reply.failure()).isEqualTo("test upstream sent a body that inflates to larger than the 1048576"
                + " bytes allowed (ecopulse.upstream.max-body-size)");
    }

    @Test
    void cutsATricklingBodyOffAtTheDeadlineOfTheWholeExchange() throws Exception {
        // headers at once, then 50 chunks over 20 s: a request timeout alone would wait for all of them
        upstream.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200)
                .withBody("x".repeat(5_000)).withChunkedDribbleDelay(50, 20_000)));
        http(false).send(UpstreamRequest.get("json", uri(upstream, "/warm-up")), run);
        long started = System.nanoTime();

        UpstreamReply reply = Upstreams.create(settings(Duration.ofSeconds(1)), CAP, false, time,
                new UpstreamMetrics(registry), registry).send(UpstreamRequest.get("json", uri(upstream, "/slow")), run);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(reply.failure()).isEqualTo("test upstream did not answer within 1 s");
        assertThat(took).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void neverForwardsTheTokenToAnotherHostOnARedirect() throws Exception {
        // the upstream is asked as localhost; 127.0.0.1 is another host to a client, whatever it resolves to
        String target = "http://127.0.0.1:" + elsewhere.port() + "/moved";
        upstream.stubFor(get(urlEqualTo("/repos/a/b")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", target)));
        elsewhere.stubFor(get(urlEqualTo("/moved")).willReturn(okJson("{\"moved\":true}")));

        UpstreamReply reply = http(true).send(UpstreamRequest.get("repository", uri(upstream, "/repos/a/b"))
                .authorization(TOKEN), run);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"moved\":true}");
        upstream.verify(getRequestedFor(urlEqualTo("/repos/a/b")).withHeader("Authorization", equalTo(TOKEN)));
        elsewhere.verify(getRequestedFor(urlEqualTo("/moved")).withHeader("Authorization", absent()));
    }

    @Test
    void keepsTheTokenOnARedirectWithinTheSameHost() throws Exception {
        upstream.stubFor(get(urlEqualTo("/repos/old/name")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "/repositories/65600976")));
        upstream.stubFor(get(urlEqualTo("/repositories/65600976")).willReturn(okJson("{}")));

        http(true).send(UpstreamRequest.get("repository", uri(upstream, "/repos/old/name")).authorization(TOKEN), run);

        upstream.verify(getRequestedFor(urlEqualTo("/repositories/65600976"))
                .withHeader("Authorization", equalTo(TOKEN)));
    }

    @Test
    void refusesToSendATokenOverPlainHttpUnlessAllowed() throws Exception {
        upstream.stubFor(get(anyUrl()).willReturn(okJson("{}")));

        UpstreamReply refused = http(false).send(UpstreamRequest.get("repository", uri(upstream, "/repos/a/b"))
                .authorization(TOKEN), run);

        assertThat(refused.answered()).isFalse();
        assertThat(refused.failure()).startsWith("test upstream not asked: credentials go only over https");
        upstream.verify(0, anyRequestedFor(anyUrl()));
        assertThat(run.cost).hasValue(0);

        assertThat(http(true).send(UpstreamRequest.get("repository", uri(upstream, "/repos/a/b"))
                .authorization(TOKEN), run).status()).isEqualTo(200);
        assertThat(http(false).send(UpstreamRequest.get("json", uri(upstream, "/pypi/a/json")), run).status())
                .as("a request without credentials may use http").isEqualTo(200);
    }

    private UpstreamSettings settings() {
        return settings(Duration.ofSeconds(10));
    }

    private UpstreamSettings settings(Duration timeout) {
        return new UpstreamSettings("test upstream", "pypi", "ecopulse-test", timeout, List.of(),
                3, Duration.ofSeconds(1), Duration.ofSeconds(60), 0, Duration.ofSeconds(1), false);
    }

    private UpstreamHttp http(boolean allowInsecure) {
        return Upstreams.create(settings(), CAP, allowInsecure, time, new UpstreamMetrics(registry), registry);
    }

    private static URI uri(WireMockServer server, String path) {
        return URI.create(server.baseUrl() + path);
    }
}
