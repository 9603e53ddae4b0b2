package dev.ecopulse.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import dev.ecopulse.github.service.Windows;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Without a token: REST alone, within 60 requests/hour, every signal from the same GitHub data as in GraphQL mode, a
 * renamed repository followed through GitHub's redirect, and the mode shown in health and metrics.
 */
@QuarkusTest
@TestProfile(RestOnlyModeIT.NoToken.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG, value = "ecopulse.github.api-url"))
class RestOnlyModeIT {

    public static class NoToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ecopulse.github.token", "", "ecopulse.catalog.path", "src/test/resources/rest-only-catalog.yaml");
        }
    }

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    VirtualTime time;

    Windows windows = new Windows(NOW);

    @BeforeEach
    void stubGithub() {
        wireMock.resetAll();
        TestTime.resetToNow(time);
        time.fixAt(NOW);
        stubRepository("pytorch/pytorch", "pytorch/pytorch", 59);
        wireMock.stubFor(get("/repos/pytorch/old-vision").willReturn(rest(301, 58)
                .withHeader("Location", wireMock.baseUrl() + "/repositories/65600976")
                .withBody("{\"message\":\"Moved Permanently\",\"url\":\"" + wireMock.baseUrl()
                        + "/repositories/65600976\",\"documentation_url\":\"https://docs.github.com/v3/#http-redirects\"}")));
        wireMock.stubFor(get("/repositories/65600976").willReturn(rest(200, 57)
                .withBody(repositoryJson("pytorch/vision").toString())));
        stubSignals("pytorch/vision", 56);
        wireMock.stubFor(get("/repos/nobody/gone").willReturn(rest(404, 50).withBody("{\"message\":\"Not Found\","
                + "\"documentation_url\":\"https://docs.github.com/rest/repos/repos#get-a-repository\",\"status\":\"404\"}")));
    }

    @Test
    void collectsEverySignalThroughRestAloneAndSaysSo() throws Exception {
        String runId = Runs.start();

        assertThat(Runs.finished(runId).getString("state")).isEqualTo("SUCCEEDED");
        List<ConsumerRecord<String, String>> records = Runs.events(runId, 3);
        assertThat(records).hasSize(3);
        for (ConsumerRecord<String, String> record : records) {
            GithubCollectionIT.assertContractEnvelope(record);
        }
        GithubObservation torch = Runs.of(records, "torch");
        assertThat(torch.via()).isEqualTo("rest");
        assertThat(torch.status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(torch.stars()).isEqualTo(90_000);
        assertThat(torch.forks()).isEqualTo(24_000);
        assertThat(torch.watchers()).isEqualTo(1_800); // subscribers_count, not watchers_count
        assertThat(torch.openPullRequests()).isEqualTo(1_200);
        assertThat(torch.openIssues()).isEqualTo(5_000 - 1_200); // open_issues_count counts pull requests too
        assertThat(torch.issuesClosedLast90Days()).isEqualTo(900);
        assertThat(torch.commitsLast90Days()).isEqualTo(4_100);
        assertThat(torch.commitsPrevious90Days()).isEqualTo(3_900);
        assertThat(torch.releasesTotal()).isEqualTo(3);
        assertThat(torch.releasesLast365Days()).isEqualTo(2);
        assertThat(torch.latestReleaseTag()).isEqualTo("v2.9.1");
        assertThat(torch.latestReleaseAt()).isEqualTo(Instant.parse("2026-11-12T17:00:00Z"));
        assertThat(torch.contributors()).isEqualTo(3_845);
        assertThat(torch.license()).isEqualTo("BSD-3-Clause");
        assertThat(torch.topics()).containsExactly("deep-learning", "python");
        assertThat(torch.missing()).isEmpty();

        GithubObservation vision = Runs.of(records, "old-vision");
        assertThat(vision.status()).isEqualTo(SubjectStatus.MOVED);
        assertThat(vision.movedTo()).isEqualTo("pytorch/vision");
        assertThat(vision.contributors()).isEqualTo(3_845);
        assertThat(vision.missing()).isEmpty();
        assertThat(Runs.of(records, "gone").status()).isEqualTo(SubjectStatus.NOT_FOUND);

        assertThat(wireMock.getAllServeEvents()).allSatisfy(
                e -> assertThat(e.getRequest().containsHeader("Authorization")).isFalse());
        assertThat(wireMock.getAllServeEvents()).noneMatch(e -> e.getRequest().getUrl().startsWith("/graphql")
                || e.getRequest().getUrl().startsWith("/repos/nobody/gone/"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'github' }.data.mode", org.hamcrest.Matchers.equalTo("rest-only"))
                .body("checks.find { it.name == 'github' }.data.detail", startsWith("REST only (no GITHUB_TOKEN)"));
        assertThat(given().get("/q/metrics").asString()).containsPattern("ecopulse_github_rest_only\\{[^}]*} 1\\.0")
                .containsPattern("ecopulse_github_rate_limit_limit\\{[^}]*resource=\"core\"[^}]*} 60\\.0");
    }

    @Test
    void sixtyRequestsAnHourRunOutAndTheRunFinishesAfterTheReset() {
        // the reserve of 2 % of 60 is one request: at one left, the next request waits for the reset
        stubRepository("pytorch/pytorch", "pytorch/pytorch", 1);

        String runId = Runs.start();

        assertThat(Runs.finished(runId).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(time.pauses()).singleElement().satisfies(p -> {
            assertThat(p.duration()).isEqualTo(Duration.ofSeconds(1801));
            assertThat(p.activity()).isEqualTo("waiting for GitHub rate-limit reset until 2026-11-28T10:30:01Z"
                    + " (1 core left, next request needs 1)");
        });
        GithubObservation torch = Runs.of(Runs.events(runId, 3), "torch");
        assertThat(torch.missing()).isEmpty();
        assertThat(torch.signalObservedAt()).containsKeys("openPullRequests", "contributors")
                .doesNotContainKey("stars");
    }

    private void stubRepository(String requested, String fullName, long remaining) {
        wireMock.stubFor(get("/repos/" + requested).willReturn(rest(200, remaining)
                .withHeader("ETag", "W/\"repo-" + remaining + "\"").withBody(repositoryJson(fullName).toString())));
        stubSignals(fullName, 55);
    }

    /** Everything after the repository itself: pull requests, search, commits, releases, contributors. */
    private void stubSignals(String fullName, long remaining) {
        String repo = "/repos/" + fullName;
        wireMock.stubFor(get(urlPathEqualTo(repo + "/pulls")).withQueryParam("state", equalTo("open"))
                .withQueryParam("per_page", equalTo("1")).willReturn(rest(200, remaining).withBody("[{\"number\":1}]")
                        .withHeader("Link", link(repo + "/pulls?state=open&per_page=1", 1_200))));
        wireMock.stubFor(get(urlPathEqualTo("/search/issues"))
                .withQueryParam("q", equalTo(windows.closedIssuesQuery(fullName)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("x-ratelimit-limit", "10").withHeader("x-ratelimit-remaining", "9")
                        .withHeader("x-ratelimit-reset", Long.toString(NOW.plusSeconds(60).getEpochSecond()))
                        .withHeader("x-ratelimit-resource", "search")
                        .withBody("{\"total_count\":900,\"incomplete_results\":false,\"items\":[]}")));
        commits(repo, windows.commitsLast90Start(), windows.dayStart(), 4_100, remaining);
        commits(repo, windows.commitsPrevious90Start(), windows.commitsLast90Start(), 3_900, remaining);
        wireMock.stubFor(get(urlPathEqualTo(repo + "/releases")).withQueryParam("per_page", equalTo("100"))
                .withQueryParam("page", equalTo("1")).willReturn(rest(200, remaining).withBody(releasesJson())));
        wireMock.stubFor(get(urlPathEqualTo(repo + "/contributors")).withQueryParam("per_page", equalTo("1"))
                .withQueryParam("anon", equalTo("1")).willReturn(rest(200, remaining)
                        .withBody(GithubFixtures.contributorPage())
                        .withHeader("Link", GithubFixtures.contributorsLink(65600975L, 3_845))));
    }

    private void commits(String repo, Instant since, Instant until, long count, long remaining) {
        wireMock.stubFor(get(urlPathEqualTo(repo + "/commits")).withQueryParam("sha", equalTo("main"))
                .withQueryParam("since", equalTo(since.toString())).withQueryParam("until", equalTo(until.toString()))
                .withQueryParam("per_page", equalTo("1")).willReturn(rest(200, remaining)
                        .withBody("[{\"sha\":\"6dcd4ce23d88e2ee9568ba546c007c63d9131c1b\"}]")
                        .withHeader("Link", link(repo + "/commits?per_page=1", count))));
    }

    private ResponseDefinitionBuilder rest(int status, long remaining) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("x-ratelimit-limit", "60").withHeader("x-ratelimit-remaining", Long.toString(remaining))
                .withHeader("x-ratelimit-used", Long.toString(60 - remaining))
                .withHeader("x-ratelimit-reset", Long.toString(NOW.plusSeconds(1800).getEpochSecond()))
                .withHeader("x-ratelimit-resource", "core");
    }

    private static String link(String path, long last) {
        return "<https://api.github.com" + path + "&page=2>; rel=\"next\", <https://api.github.com" + path + "&page="
                + last + ">; rel=\"last\"";
    }

    /** {@code GET /repos/{owner}/{repo}}, the full-repository object (trimmed). */
    static ObjectNode repositoryJson(String fullName) {
        ObjectNode r = EventJson.mapper().createObjectNode();
        r.put("id", 65600975).put("name", fullName.substring(fullName.indexOf('/') + 1)).put("full_name", fullName);
        r.put("private", false).put("fork", false).put("archived", false).put("disabled", false);
        r.put("stargazers_count", 90_000).put("watchers_count", 90_000).put("watchers", 90_000);
        r.put("forks_count", 24_000).put("forks", 24_000).put("subscribers_count", 1_800).put("network_count", 24_000);
        r.put("open_issues_count", 5_000).put("open_issues", 5_000);
        r.put("created_at", "2016-08-13T05:26:41Z").put("updated_at", "2026-11-28T09:50:00Z")
                .put("pushed_at", "2026-11-28T09:12:44Z");
        r.put("language", "Python").put("default_branch", "main");
        r.putObject("license").put("key", "bsd-3-clause").put("name", "BSD 3-Clause \"New\" or \"Revised\" License")
                .put("spdx_id", "BSD-3-Clause").put("url", "https://api.github.com/licenses/bsd-3-clause")
                .put("node_id", "MDc6TGljZW5zZTU=");
        r.putArray("topics").add("deep-learning").add("python");
        return r;
    }

    /** {@code GET /repos/{o}/{r}/releases}: newest created first; a prerelease, a release, and one from long ago. */
    static String releasesJson() {
        ArrayNode list = EventJson.mapper().createArrayNode();
        release(list, "v3.0.0rc1", "2026-11-20T10:00:00Z", true);
        release(list, "v2.9.1", "2026-11-12T17:00:00Z", false);
        release(list, "v1.0.0", "2018-12-07T18:00:00Z", false);
        return list.toString();
    }

    private static void release(ArrayNode list, String tag, String at, boolean prerelease) {
        list.addObject().put("id", tag.hashCode()).put("tag_name", tag).put("name", tag).put("draft", false)
                .put("prerelease", prerelease).put("created_at", Instant.parse(at).minus(1, ChronoUnit.HOURS)
                        .toString()).put("published_at", at);
    }
}
