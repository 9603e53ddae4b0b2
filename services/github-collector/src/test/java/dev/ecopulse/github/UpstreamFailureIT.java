package dev.ecopulse.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.SubjectStatus;
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
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GitHub failing in the ways it does: 5xx and timeouts are retried a few times, then the signals that depended on
 * the answer are missing with the reason; unreadable answers never become numbers; nothing crashes the run.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG, value = "ecopulse.github.api-url"))
class UpstreamFailureIT {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    VirtualTime time;

    @Inject
    BackfillLedger ledger;

    GithubStubs github;
    int n = GithubStubs.TARGETS.size();

    @BeforeEach
    void stubGithub() {
        wireMock.resetAll();
        TestTime.resetToNow(time);
        Runs.backfilled(ledger);
        github = new GithubStubs(wireMock, Instant.now());
        github.signals((i, answer) -> { });
        github.contributors();
    }

    @Test
    void aGraphql502IsRetriedThenItsSignalsAreMissingAndARepositoryWithoutAnyAnswerYieldsNoObservation() {
        wireMock.stubFor(GithubStubs.signalsQuery().atPriority(1).willReturn(github.graphqlOk(
                "<html><body><h1>502 Bad Gateway</h1></body></html>").withStatus(502)));
        String silent = GithubStubs.TARGETS.get(5).subject();
        wireMock.stubFor(GithubStubs.contributorsOf(silent).atPriority(1).willReturn(github.rest(502)));

        String runId = Runs.start();
        JsonPath run = Runs.finished(runId);

        assertThat(github.servedGraphql("Signals")).hasSize(3);
        assertThat(run.getString("state")).isEqualTo("PARTIAL");
        assertThat(run.getInt("published")).isEqualTo(n - 1);
        assertThat(run.getInt("failed")).isEqualTo(1);
        assertThat(run.getList("errors", String.class)).contains(
                "GraphQL query for " + n + " repositories: GitHub answered 502 (retried with backoff)",
                GithubStubs.TARGETS.get(5).projectId() + " " + silent + ": GitHub answered 502 (retried with backoff)");
        List<ConsumerRecord<String, String>> records = Runs.events(runId, n - 1);
        assertThat(records).hasSize(n - 1).noneMatch(r -> r.key().equals(GithubStubs.TARGETS.get(5).projectId()));
        GithubObservation first = Runs.of(records, GithubStubs.TARGETS.get(0).projectId());
        assertThat(first.status()).isEqualTo(SubjectStatus.FOUND); // its contributor list answered
        assertThat(first.contributors()).isEqualTo(GithubFixtures.contributors(0));
        assertThat(first.stars()).isNull();
        assertThat(first.missing()).hasSize(18)
                .contains(new MissingSignal("stars", "GitHub answered 502 (retried with backoff)"));
    }

    @Test
    void aContributorCount504IsRetriedThenMissing() {
        String repository = GithubStubs.TARGETS.get(3).subject();
        wireMock.stubFor(GithubStubs.contributorsOf(repository).atPriority(1).willReturn(github.rest(504)
                .withBody("{\"message\":\"We couldn't respond to your request in time.\"}")));

        String runId = Runs.start();

        assertThat(Runs.finished(runId).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(github.served("/repos/" + repository + "/contributors")).hasSize(3);
        GithubObservation o = Runs.of(Runs.events(runId, n), GithubStubs.TARGETS.get(3).projectId());
        assertThat(o.contributors()).isNull();
        assertThat(o.stars()).isEqualTo(GithubFixtures.stars(3));
        assertThat(o.missing()).containsExactly(
                new MissingSignal("contributors", "GitHub answered 504 (retried with backoff)"));
    }

    @Test
    void aTimeoutIsRetriedThenMissing() {
        String repository = GithubStubs.TARGETS.get(6).subject();
        wireMock.stubFor(GithubStubs.contributorsOf(repository).atPriority(1).willReturn(
                github.restOk(GithubFixtures.contributorPage()).withFixedDelay(6_000)));

        String runId = Runs.start();

        assertThat(Runs.finished(runId).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(github.served("/repos/" + repository + "/contributors")).hasSize(3);
        GithubObservation o = Runs.of(Runs.events(runId, n), GithubStubs.TARGETS.get(6).projectId());
        assertThat(o.contributors()).isNull();
        assertThat(o.missing()).singleElement().satisfies(m -> {
            assertThat(m.signal()).isEqualTo("contributors");
            assertThat(m.reason()).isEqualTo("GitHub did not answer within 5 s");
        });
    }

    @Test
    void malformedGraphqlJsonBecomesMissingSignalsNeverWrongNumbers() {
        wireMock.stubFor(GithubStubs.signalsQuery().atPriority(1).willReturn(github.graphqlOk(
                "{\"data\":{\"rateLimit\":{\"cost\":2},\"r0\":{\"nameWithOwner\":\"pytorch/pytorch\",\"stargazerCount\":9")));

        String runId = Runs.start();

        assertThat(Runs.finished(runId).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(github.servedGraphql("Signals")).hasSize(1);
        assertThat(Runs.events(runId, n)).hasSize(n).allSatisfy(r -> {
            GithubObservation o = Runs.observation(r);
            assertThat(o.stars()).isNull();
            assertThat(o.contributors()).isNotNull();
            assertThat(o.missing()).hasSize(18).contains(new MissingSignal("stars",
                    "GitHub answered malformed JSON to the GraphQL query"));
        });
    }

    @Test
    void aMalformedContributorListIsMissingNeverAWrongCount() {
        String repository = GithubStubs.TARGETS.get(1).subject();
        wireMock.stubFor(GithubStubs.contributorsOf(repository).atPriority(1).willReturn(
                github.restOk("[{\"login\":\"octocat\",\"contributions\":")));

        String runId = Runs.start();

        assertThat(Runs.finished(runId).getString("state")).isEqualTo("SUCCEEDED");
        GithubObservation o = Runs.of(Runs.events(runId, n), GithubStubs.TARGETS.get(1).projectId());
        assertThat(o.contributors()).isNull();
        assertThat(o.stars()).isEqualTo(GithubFixtures.stars(1));
        assertThat(o.missing()).containsExactly(new MissingSignal("contributors",
                "GitHub answered malformed JSON to contributors"));
    }

    @Test
    void aContributorListTooLargeForTheApiIsAKnownMissingSignal() {
        String repository = GithubStubs.TARGETS.get(0).subject();
        wireMock.stubFor(GithubStubs.contributorsOf(repository).atPriority(1).willReturn(github.rest(403)
                .withBody("{\"message\":\"The history or contributor list is too large to list contributors for this"
                        + " repository via the API.\",\"documentation_url\":\"https://docs.github.com/rest/repos/"
                        + "repos#list-repository-contributors\",\"status\":\"403\"}")));

        String runId = Runs.start();

        assertThat(Runs.finished(runId).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(time.pauses()).isEmpty(); // not mistaken for a rate limit
        assertThat(github.served("/repos/" + repository + "/contributors")).hasSize(1);
        GithubObservation o = Runs.of(Runs.events(runId, n), GithubStubs.TARGETS.get(0).projectId());
        assertThat(o.missing()).containsExactly(new MissingSignal("contributors",
                "the contributor list is too large for the GitHub API to count"));
        assertThat(o.stars()).isEqualTo(GithubFixtures.stars(0));
    }

    @Test
    void aRedirectToAnotherHostNeverCarriesTheToken() {
        String repository = GithubStubs.TARGETS.get(1).subject();
        // the API is asked as localhost; 127.0.0.1 is another host to the client, whatever it resolves to
        wireMock.stubFor(GithubStubs.contributorsOf(repository).atPriority(1).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(302).withHeader("Location",
                        "http://127.0.0.1:" + wireMock.port() + "/elsewhere/contributors?per_page=1&anon=1")));
        wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/elsewhere/contributors"))
                .willReturn(github.restOk(GithubFixtures.contributorPage())));

        Runs.finished(Runs.start());

        assertThat(github.served("/repos/" + repository + "/contributors")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getRequest().containsHeader("Authorization")).isTrue());
        assertThat(github.served("/elsewhere/contributors")).hasSize(1)
                .allSatisfy(e -> assertThat(e.getRequest().containsHeader("Authorization")).isFalse());
    }
}
