package dev.ecopulse.research.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ecopulse.collector.client.UpstreamMetrics;
import dev.ecopulse.collector.client.http.Upstreams;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.research.config.ResearchConfig;
import dev.ecopulse.research.support.Configs;
import dev.ecopulse.research.support.UpstreamStubs;
import dev.ecopulse.testsupport.VirtualTime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One count against a WireMock OpenAlex: the request it sends and how it reads each kind of answer. */
class OpenAlexClientTest {

    static final String JAX = "\"JAX\" AND (XLA OR Flax OR \"automatic differentiation\" OR autodiff OR TPU)";
    static final LocalDate FROM = LocalDate.parse("2025-10-30");
    static final LocalDate THROUGH = LocalDate.parse("2026-10-29");

    final VirtualTime time = new VirtualTime(Instant.parse("2026-11-28T10:00:00Z"));
    final RecordingRun run = new RecordingRun(List.of());
    WireMockServer wireMock;
    UpstreamStubs stubs;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        stubs = new UpstreamStubs(wireMock);
        time.activityFrom(() -> run.status);
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    @Test
    void countsTheWorksOfASearchBetweenTwoDatesAskingForOneResult() throws Exception {
        stubs.count(JAX, FROM, THROUGH, UpstreamStubs.works(5120));

        WorksCount count = client().count(JAX, FROM, THROUGH, run);

        assertThat(count.counted()).isTrue();
        assertThat(count.count()).isEqualTo(5120);
        assertThat(count.allowance().remainingUsd()).isEqualByComparingTo("0.917");
        assertThat(count.allowance().costUsd()).isEqualByComparingTo("0.001");
        assertThat(count.allowance().reset()).isEqualTo(Duration.ofSeconds(41400));
        wireMock.verify(UpstreamStubs.asked(JAX).withQueryParam("filter",
                equalTo("from_publication_date:2025-10-30,to_publication_date:2026-10-29"))
                .withQueryParam("per_page", equalTo("1")).withQueryParam("select", equalTo("id")));
        assertThat(run.cost).isEqualTo(1);
    }

    @Test
    void sendsNoKeyWhenNoneIsConfigured() throws Exception {
        stubs.search(JAX, UpstreamStubs.works(1));

        OpenAlexClient client = client();
        client.count(JAX, FROM, THROUGH, run);

        assertThat(client.keyed()).isFalse();
        wireMock.verify(UpstreamStubs.asked(JAX).withQueryParam("api_key", absent()));
    }

    @Test
    void sendsTheConfiguredKeyAsApiKey() throws Exception {
        stubs.search(JAX, UpstreamStubs.works(1));

        OpenAlexClient client = client("api-key", "oa-key-7f3a&x");
        client.count(JAX, FROM, THROUGH, run);

        assertThat(client.keyed()).isTrue();
        wireMock.verify(UpstreamStubs.asked(JAX).withQueryParam("api_key", equalTo("oa-key-7f3a&x")));
    }

    @Test
    void keepsTheKeyOffPlainHttpUnlessInsecureUpstreamsAreAllowed() throws Exception {
        stubs.search(JAX, UpstreamStubs.works(1));

        OpenAlexClient client = new OpenAlexClient(Configs.research("url", wireMock.baseUrl(), "api-key", "k"),
                false, this::http, time);
        client.count(JAX, FROM, THROUGH, run);

        assertThat(client.keyed()).isFalse();
        wireMock.verify(UpstreamStubs.asked(JAX).withQueryParam("api_key", absent()));
    }

    @Test
    void waitsOutA403AndAsksAgain() throws Exception {
        wireMock.stubFor(UpstreamStubs.dated(JAX, FROM, THROUGH).inScenario("slow down")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(UpstreamStubs.slowDown())
                .willSetStateTo("calm"));
        wireMock.stubFor(UpstreamStubs.dated(JAX, FROM, THROUGH).inScenario("slow down")
                .whenScenarioStateIs("calm").willReturn(UpstreamStubs.works(77)));

        WorksCount count = client().count(JAX, FROM, THROUGH, run);

        assertThat(count.count()).isEqualTo(77);
        assertThat(count.attempts()).isEqualTo(2);
        assertThat(time.waitsWhile("OpenAlex answered 403")).containsExactly(Duration.ofSeconds(2));
        assertThat(run.cost).isEqualTo(2);
    }

    @Test
    void givesUpAfterTooMany403s() throws Exception {
        stubs.search(JAX, UpstreamStubs.slowDown());

        WorksCount count = client().count(JAX, FROM, THROUGH, run);

        assertThat(count.outcome()).isEqualTo(WorksCount.Outcome.THROTTLED);
        assertThat(count.reason()).isEqualTo("OpenAlex answered 403 (rate limit exceeded) 4 times in a row"
                + " (Rate limit exceeded: Too many requests per second)");
        assertThat(time.waitsWhile("OpenAlex answered 403")).containsExactly(Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void handsA429BackAsTheDailyLimitWithoutWaiting() throws Exception {
        stubs.search(JAX, UpstreamStubs.dailyLimit());

        WorksCount count = client().count(JAX, FROM, THROUGH, run);

        assertThat(count.outcome()).isEqualTo(WorksCount.Outcome.DAILY_LIMIT);
        assertThat(count.reason()).isEqualTo("OpenAlex answered 429: the daily limit is exceeded (Rate limit"
                + " exceeded: Daily budget of $1.00 exceeded. Resets at midnight UTC.)");
        assertThat(count.allowance().remainingUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(time.sleeps()).isEmpty();
        wireMock.verify(1, UpstreamStubs.asked(JAX));
    }

    @Test
    void namesWhatA400Rejected() throws Exception {
        stubs.search(JAX, UpstreamStubs.badFilter());

        WorksCount count = client().count(JAX, FROM, THROUGH, run);

        assertThat(count.outcome()).isEqualTo(WorksCount.Outcome.REJECTED);
        assertThat(count.reason()).startsWith("OpenAlex rejected the search with 400 (Invalid query parameters"
                + " error.: to_publication_date is not a valid field.");
    }

    @Test
    void aMalformedAnswerIsAFailureNotAZero() throws Exception {
        stubs.search(JAX, com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"meta\": {\"page\": 1},"
                + " \"results\": []}"));

        WorksCount count = client().count(JAX, FROM, THROUGH, run);

        assertThat(count.outcome()).isEqualTo(WorksCount.Outcome.FAILED);
        assertThat(count.count()).isNull();
        assertThat(count.reason()).isEqualTo("OpenAlex answered 200 without a readable meta.count");
    }

    @Test
    void reusesACountWithinTheReusePeriodOnly() throws Exception {
        stubs.search(JAX, UpstreamStubs.works(9));
        OpenAlexClient client = client();

        assertThat(client.reused(JAX, FROM, THROUGH)).isEmpty();
        client.count(JAX, FROM, THROUGH, run);
        assertThat(client.reused(JAX, FROM, THROUGH)).contains(9L);
        assertThat(client.reused(JAX, FROM.plusDays(1), THROUGH)).isEmpty();

        time.advance(Duration.ofHours(23));
        assertThat(client.reused(JAX, FROM, THROUGH)).isEmpty();
    }

    private OpenAlexClient client(String... more) {
        String[] properties = new String[more.length + 2];
        properties[0] = "url";
        properties[1] = wireMock.baseUrl();
        System.arraycopy(more, 0, properties, 2, more.length);
        ResearchConfig config = Configs.research(properties);
        return new OpenAlexClient(config, true, this::http, time);
    }

    private dev.ecopulse.collector.client.http.UpstreamHttp http(
            dev.ecopulse.collector.client.http.UpstreamSettings settings) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        return Upstreams.create(settings, 1 << 20, true, time, new UpstreamMetrics(registry), registry);
    }
}
