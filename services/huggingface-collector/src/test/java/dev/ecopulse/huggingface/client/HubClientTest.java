package dev.ecopulse.huggingface.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ecopulse.collector.client.http.Lookup;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.huggingface.support.HubFixture;
import dev.ecopulse.huggingface.support.HubStubs;
import dev.ecopulse.huggingface.support.HubStubs.Created;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One page of {@code /api/models} at a time: the Link header, the bucket headers, 429s and malformed answers. */
class HubClientTest {

    static final Instant DAY = Instant.parse("2026-11-30T12:00:00Z");

    HubFixture hub;
    HubClient client;
    RecordingRun run = new RecordingRun(List.of());

    @BeforeEach
    void start() {
        hub = new HubFixture();
        client = hub.client(hub.config());
        hub.time.activityFrom(() -> run.status);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void followsTheLinkHeaderToTheLastPage() throws Exception {
        hub.stubs.tagged("jax", List.of(new Created("google/a", DAY), new Created("google/b", DAY),
                new Created("google/c", DAY), new Created("google/d", DAY.minusSeconds(60))));

        ModelPage first = found(client.page(client.tagged("jax"), run));
        ModelPage second = found(client.page(first.next(), run));

        assertThat(first.models()).extracting(HubModel::id).containsExactly("google/a", "google/b", "google/c");
        assertThat(first.next()).hasToString(hub.wireMock.baseUrl() + HubStubs.taggedQuery("jax") + "&cursor=jax-2");
        assertThat(second.models()).containsExactly(HubModel.created("google/d", DAY.minusSeconds(60)));
        assertThat(second.next()).isNull();
        assertThat(run.cost).isEqualTo(2);
        hub.wireMock.verify(getRequestedFor(urlPathEqualTo("/api/models")).withQueryParam("expand[]",
                equalTo("createdAt")).withQueryParam("limit", equalTo("3")));
    }

    @Test
    void waitsForTheResetTheRateLimitHeaderGivesAfterA429() throws Exception {
        hub.wireMock.stubFor(HubStubs.taggedPage("jax", null).inScenario("bucket").whenScenarioStateIs(
                Scenario.STARTED).willReturn(HubStubs.tooManyRequests(42)).willSetStateTo("reset"));
        hub.wireMock.stubFor(HubStubs.taggedPage("jax", null).inScenario("bucket").whenScenarioStateIs("reset")
                .willReturn(hub.stubs.page(HubStubs.createdJson(List.of(new Created("google/a", DAY))), null, 499)));

        ModelPage page = found(client.page(client.tagged("jax"), run));

        assertThat(page.models()).hasSize(1);
        assertThat(hub.time.waitsWhile("answered 429")).containsExactly(Duration.ofSeconds(43));
        assertThat(run.statuses).contains("waiting 43 s: Hugging Face answered 429 to /api/models (0 of 500 requests"
                + " left in this 5-minute window, reset in 42 s)");
        assertThat(run.cost).isEqualTo(2);
    }

    @Test
    void aRetryAfterWinsOverTheRateLimitReset() throws Exception {
        hub.wireMock.stubFor(HubStubs.taggedPage("jax", null).inScenario("bucket").whenScenarioStateIs(
                Scenario.STARTED).willReturn(HubStubs.tooManyRequests(200).withHeader("Retry-After", "7"))
                .willSetStateTo("reset"));
        hub.wireMock.stubFor(HubStubs.taggedPage("jax", null).inScenario("bucket").whenScenarioStateIs("reset")
                .willReturn(hub.stubs.page("[]", null, 499)));

        assertThat(found(client.page(client.tagged("jax"), run)).models()).isEmpty();
        assertThat(hub.time.waitsWhile("answered 429")).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void givesUpAfterFour429sInARow() throws Exception {
        hub.wireMock.stubFor(HubStubs.taggedPage("jax", null).willReturn(HubStubs.tooManyRequests(30)));

        Lookup<ModelPage> answer = client.page(client.tagged("jax"), run);

        assertThat(answer).isEqualTo(new Lookup.Failed<ModelPage>("Hugging Face answered 429 4 times in a row",
                true));
        assertThat(hub.time.waitsWhile("answered 429")).hasSize(3).containsOnly(Duration.ofSeconds(31));
    }

    @Test
    void anExhaustedBucketMakesTheNextRequestWaitForTheReset() throws Exception {
        List<Created> models = List.of(new Created("google/a", DAY), new Created("google/b", DAY),
                new Created("google/c", DAY), new Created("google/d", DAY));
        hub.wireMock.stubFor(HubStubs.taggedPage("jax", null).willReturn(hub.stubs.page(
                HubStubs.createdJson(models.subList(0, 3)), HubStubs.taggedQuery("jax") + "&cursor=jax-2", 0, 120)));
        hub.wireMock.stubFor(HubStubs.taggedPage("jax", "jax-2").willReturn(hub.stubs.page(
                HubStubs.createdJson(models.subList(3, 4)), null, 499)));

        ModelPage first = found(client.page(client.tagged("jax"), run));
        assertThat(hub.time.sleeps()).as("nothing is waited before a request is due").isEmpty();
        Instant before = hub.time.now();
        found(client.page(first.next(), run));

        assertThat(hub.time.waitsWhile("bucket is used up")).containsExactly(Duration.ofSeconds(121));
        assertThat(run.statuses).contains("waiting 121 s: the Hugging Face API bucket is used up (0 of 500 requests"
                + " left in this 5-minute window, reset in 120 s)");
        assertThat(Duration.between(before, hub.time.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(121));
        assertThat(run.statuses.get(run.statuses.size() - 1)).isNull();
    }

    @Test
    void anAnswerThatIsNotAnArrayIsMalformed() throws Exception {
        hub.wireMock.stubFor(HubStubs.taggedPage("jax", null).willReturn(okJson("{\"error\":\"maintenance\"}")));

        assertThat(client.page(client.tagged("jax"), run)).isEqualTo(new Lookup.Failed<ModelPage>(
                "the Hub answered a malformed model list (not a JSON array)", false));
    }

    @Test
    void anUnknownTagIsAnEmptyList() throws Exception {
        hub.stubs.tagged("no-such-library-xyz", List.of());

        ModelPage page = found(client.page(client.tagged("no-such-library-xyz"), run));

        assertThat(page.models()).isEmpty();
        assertThat(page.next()).isNull();
    }

    @Test
    void sendsTheTokenOnlyWhenOneIsConfigured() throws Exception {
        hub.stubs.tagged("jax", List.of(new Created("google/a", DAY)));

        client.page(client.tagged("jax"), run);
        hub.client(hub.config().withToken(" hf_test_0123456789 ")).page(client.tagged("jax"), run);

        hub.wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/models")).withHeader("Authorization", absent()));
        hub.wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/models"))
                .withHeader("Authorization", equalTo("Bearer hf_test_0123456789")));
    }

    @Test
    void neverFollowsANextLinkToAnotherHost() throws Exception {
        Lookup<ModelPage> answer = client.page(URI.create("https://evil.example/api/models?cursor=x"), run);

        assertThat(answer).isInstanceOf(Lookup.Failed.class);
        assertThat(hub.wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedOnceThenAFailure() throws Exception {
        hub.wireMock.stubFor(HubStubs.taggedPage("jax", null).willReturn(aResponse().withStatus(503)));

        assertThat(client.page(client.tagged("jax"), run)).isEqualTo(new Lookup.Failed<ModelPage>(
                "Hugging Face answered HTTP 503", false));
        assertThat(run.cost).isEqualTo(2);
    }

    private static ModelPage found(Lookup<ModelPage> answer) {
        assertThat(answer).isInstanceOf(Lookup.Found.class);
        return ((Lookup.Found<ModelPage>) answer).value();
    }
}
