package dev.ecopulse.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.collector.run.BackfillLedger;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GitHub's rate limits in its own formats: the collector waits as long as GitHub says (in virtual time), shows the
 * wait in the run's progress, then finishes the run instead of failing it.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG, value = "ecopulse.github.api-url"))
class RateLimitIT {

    static final String SECONDARY = "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few"
            + " minutes before you try again. If you reach out to GitHub Support for help, please include the"
            + " request ID 0C5E:3A5B:1F2A3B:2B3C4D:6762A1F0.\",\"documentation_url\":\"https://docs.github.com/"
            + "free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits\","
            + "\"status\":\"403\"}";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    VirtualTime time;

    @Inject
    BackfillLedger ledger;

    GithubStubs github;
    Instant now;
    int n = GithubStubs.TARGETS.size();

    @BeforeEach
    void stubGithub() {
        wireMock.resetAll();
        TestTime.resetToNow(time);
        Runs.backfilled(ledger);
        now = Instant.now();
        github = new GithubStubs(wireMock, now);
        github.signals((i, answer) -> { });
        github.contributors();
    }

    @Test
    void graphqlPrimaryLimitExhaustedWaitsForTheResetThenFinishes() {
        long reset = now.plusSeconds(1800).getEpochSecond();
        ObjectNode answer = GithubFixtures.signalsAnswer(GithubStubs.repositories(), now, 2, (i, a) -> { });
        firstThen(GithubStubs::signalsQuery, github.graphql(200,
                "{\"errors\":[{\"type\":\"RATE_LIMITED\",\"code\":\"graphql_rate_limit\",\"message\":\"API rate limit"
                        + " already exceeded for user ID 1.\"}]}", 0, Instant.ofEpochSecond(reset)),
                github.graphqlOk(answer.toString()));

        String runId = Runs.start();
        JsonPath run = Runs.finished(runId);

        assertThat(run.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(time.pauses()).singleElement().satisfies(p -> {
            assertThat(p.duration()).isBetween(Duration.ofSeconds(1790), Duration.ofSeconds(1801));
            assertThat(p.activity()).startsWith("waiting for GitHub rate-limit reset until "
                    + Instant.ofEpochSecond(reset + 1));
        });
        assertThat(github.servedGraphql("Signals")).hasSize(2);
        List<ConsumerRecord<String, String>> records = Runs.events(runId, n);
        assertThat(records).hasSize(n);
        GithubObservation first = Runs.of(records, GithubStubs.TARGETS.get(0).projectId());
        assertThat(first.stars()).isEqualTo(GithubFixtures.stars(0));
        // observed after the reset, when GitHub answered
        assertThat(first.observedAt()).isAfter(Instant.ofEpochSecond(reset));
    }

    @Test
    void restPrimaryLimitExhaustedWaitsForTheResetAndRecordsWhenTheSignalWasObserved() {
        String repository = GithubStubs.TARGETS.get(4).subject();
        firstThen(() -> GithubStubs.contributorsOf(repository), github.rest(403, 0, now.plusSeconds(600))
                .withBody("{\"message\":\"API rate limit exceeded for user ID 1. If you reach out to GitHub Support"
                        + " for help, please include the request ID 0C5E:3A5B.\",\"documentation_url\":"
                        + "\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\",\"status\":\"403\"}"),
                github.restOk(GithubFixtures.contributorPage())
                        .withHeader("Link", GithubFixtures.contributorsLink(1L, GithubFixtures.contributors(4))));

        String runId = Runs.start();

        assertThat(Runs.finished(runId).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(time.pauses()).singleElement().satisfies(p -> {
            assertThat(p.duration()).isBetween(Duration.ofSeconds(590), Duration.ofSeconds(601));
            assertThat(p.activity()).startsWith("waiting for GitHub rate-limit reset until").endsWith("(core)");
        });
        GithubObservation waited = Runs.of(Runs.events(runId, n), GithubStubs.TARGETS.get(4).projectId());
        assertThat(waited.contributors()).isEqualTo(GithubFixtures.contributors(4));
        // counted ten minutes after the other signals of the repository
        assertThat(waited.signalObservedAt()).containsOnlyKeys("contributors");
        assertThat(Duration.between(waited.observedAt(), waited.signalObservedAt().get("contributors")))
                .isGreaterThan(Duration.ofMinutes(9));
    }

    @Test
    void secondaryLimitWithRetryAfterWaitsExactlyThatLong() {
        ObjectNode answer = GithubFixtures.signalsAnswer(GithubStubs.repositories(), now, 2, (i, a) -> { });
        firstThen(GithubStubs::signalsQuery, github.graphqlOk(SECONDARY).withStatus(403).withHeader("retry-after",
                "90"), github.graphqlOk(answer.toString()));

        assertThat(Runs.finished(Runs.start()).getString("state")).isEqualTo("SUCCEEDED");

        assertThat(time.pauses()).singleElement().satisfies(p -> {
            assertThat(p.duration()).isEqualTo(Duration.ofSeconds(90));
            assertThat(p.activity()).isEqualTo("waiting 90 s as GitHub's retry-after asks (secondary rate limit,"
                    + " graphql)");
        });
    }

    @Test
    void secondaryLimitWithoutRetryAfterBacksOffFromOneMinuteDoubling() {
        String repository = GithubStubs.TARGETS.get(7).subject();
        ResponseDefinitionBuilder limited = github.rest(429).withBody(SECONDARY);
        wireMock.stubFor(GithubStubs.contributorsOf(repository).atPriority(1).inScenario("secondary")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("again").willReturn(limited));
        wireMock.stubFor(GithubStubs.contributorsOf(repository).atPriority(1).inScenario("secondary")
                .whenScenarioStateIs("again").willSetStateTo("through").willReturn(limited));
        wireMock.stubFor(GithubStubs.contributorsOf(repository).atPriority(1).inScenario("secondary")
                .whenScenarioStateIs("through").willReturn(github.restOk(GithubFixtures.contributorPage())
                        .withHeader("Link", GithubFixtures.contributorsLink(1L, 77))));

        String runId = Runs.start();

        assertThat(Runs.finished(runId).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(time.pauses()).extracting(VirtualTime.Pause::duration)
                .containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120));
        assertThat(time.pauses().get(1).activity()).startsWith("backing off 120 s after a GitHub secondary rate limit");
        assertThat(Runs.of(Runs.events(runId, n), GithubStubs.TARGETS.get(7).projectId()).contributors())
                .isEqualTo(77);
    }

    @Test
    void waitsBeforeARequestTheRemainingBudgetCannotPayInsteadOfOverdrawingIt() {
        String repository = GithubStubs.TARGETS.get(10).subject();
        long reset = now.plusSeconds(900).getEpochSecond();
        wireMock.stubFor(GithubStubs.contributorsOf(repository).atPriority(1).willReturn(
                github.rest(200, 60, Instant.ofEpochSecond(reset)).withBody(GithubFixtures.contributorPage())
                        .withHeader("Link", GithubFixtures.contributorsLink(1L, 5))));

        String runId = Runs.start();
        JsonPath run = Runs.finished(runId);

        // 60 left is under the reserve of 2 % of 5,000: the next request waits for the reset, nothing is refused
        assertThat(run.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(time.pauses()).singleElement().satisfies(p -> {
            assertThat(p.duration()).isBetween(Duration.ofSeconds(890), Duration.ofSeconds(901));
            assertThat(p.activity()).contains("60 core left, next request needs 1");
        });
        assertThat(github.servedContributors()).hasSize(n)
                .noneMatch(e -> e.getResponse().getStatus() == 403);
    }

    @Test
    void aWaitLongerThanAllowedGivesTheSignalUpWithTheReason() {
        String repository = GithubStubs.TARGETS.get(2).subject();
        wireMock.stubFor(GithubStubs.contributorsOf(repository).atPriority(1)
                .willReturn(github.rest(403).withHeader("retry-after", "7200").withBody(SECONDARY)));

        String runId = Runs.start();

        assertThat(Runs.finished(runId).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(time.pauses()).isEmpty();
        GithubObservation o = Runs.of(Runs.events(runId, n), GithubStubs.TARGETS.get(2).projectId());
        assertThat(o.contributors()).isNull();
        assertThat(o.missing()).containsExactly(new MissingSignal("contributors", "GitHub asked to wait 7200 s,"
                + " longer than the 3900 s allowed (ecopulse.github.max-wait)"));
        assertThat(o.stars()).isEqualTo(GithubFixtures.stars(2));
    }

    /** The first request gets {@code first}, every later one {@code then}. */
    private void firstThen(Supplier<MappingBuilder> request, ResponseDefinitionBuilder first,
            ResponseDefinitionBuilder then) {
        String scenario = "first-then-" + System.nanoTime();
        wireMock.stubFor(request.get().atPriority(1).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("then").willReturn(first));
        wireMock.stubFor(request.get().atPriority(1).inScenario(scenario).whenScenarioStateIs("then")
                .willReturn(then));
    }
}
