package dev.ecopulse.github;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.collector.run.BackfillLedger;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.TopicClient;
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
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole collection of the shipped catalog (48 repositories) against GitHub's formats on WireMock and a real
 * broker: one CloudEvent per project, one GraphQL request for the batch, and a second run that costs no REST quota.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG, value = "ecopulse.github.api-url"))
class GithubCollectionIT {

    static final String TOKEN = "test-token-4f1c9a";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    VirtualTime time;

    @Inject
    BackfillLedger ledger;

    GithubStubs github;

    @BeforeEach
    void stubGithub() {
        wireMock.resetAll();
        TestTime.resetToNow(time);
        Runs.backfilled(ledger);
        github = new GithubStubs(wireMock, Instant.now());
    }

    @Test
    void collectsTheCatalogInOneQueryAndPublishesOneCloudEventPerProject() throws Exception {
        List<CollectionTarget> targets = GithubStubs.TARGETS;
        int gone = GithubStubs.indexOf("keras-mxnet");
        int renamed = GithubStubs.indexOf("keras-core");
        github.signals((i, answer) -> {
            if (i == gone) {
                GithubFixtures.notFound(answer, gone, targets.get(gone).subject());
            } else if (i == renamed) {
                ((ObjectNode) answer.get("data").get("r" + i)).put("nameWithOwner", "keras-team/keras-renamed");
            }
        });
        wireMock.stubFor(post("/graphql").withRequestBody(containing("query ClosedIssues"))
                .willReturn(github.graphqlOk("{\"data\":{\"rateLimit\":{\"cost\":1,\"limit\":5000,\"remaining\":4989,"
                        + "\"used\":11,\"resetAt\":\"2030-01-01T00:00:00Z\"},\"c0\":{\"issueCount\":999}}}")));
        github.contributors();
        github.contributors("keras-team/keras-renamed", 321);

        String runId = Runs.start();
        JsonPath run = Runs.finished(runId);

        assertThat(run.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("published")).isEqualTo(targets.size());
        List<ConsumerRecord<String, String>> records = Runs.events(runId, targets.size());
        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(targets.stream().map(CollectionTarget::projectId).toList());
        for (ConsumerRecord<String, String> record : records) {
            assertContractEnvelope(record);
        }
        for (int i = 0; i < targets.size(); i++) {
            GithubObservation o = Runs.of(records, targets.get(i).projectId());
            assertThat(o.repository()).isEqualTo(targets.get(i).subject());
            if (i == gone) {
                assertThat(o.status()).isEqualTo(SubjectStatus.NOT_FOUND);
                assertThat(o.stars()).isNull();
                continue;
            }
            assertThat(o.via()).isEqualTo("graphql");
            assertThat(o.stars()).isEqualTo(GithubFixtures.stars(i));
            assertThat(o.watchers()).isEqualTo(GithubFixtures.watchers(i));
            assertThat(o.openIssues()).isEqualTo(GithubFixtures.openIssues(i));
            assertThat(o.commitsPrevious90Days()).isEqualTo(GithubFixtures.commitsPrevious90(i));
            assertThat(o.latestReleaseTag()).isEqualTo(GithubFixtures.latestTag(i));
            assertThat(o.releasesLast365Days()).isEqualTo(GithubFixtures.RELEASES_LAST_365);
            if (i == renamed) {
                assertThat(o.status()).isEqualTo(SubjectStatus.MOVED);
                assertThat(o.movedTo()).isEqualTo("keras-team/keras-renamed");
                assertThat(o.issuesClosedLast90Days()).isEqualTo(999); // searched again under the new name
                assertThat(o.contributors()).isEqualTo(321);
            } else {
                assertThat(o.status()).isEqualTo(SubjectStatus.FOUND);
                assertThat(o.issuesClosedLast90Days()).isEqualTo(GithubFixtures.closedIssues(i));
                assertThat(o.contributors()).isEqualTo(GithubFixtures.contributors(i));
            }
            assertThat(o.missing()).isEmpty();
        }
        // one query for the whole batch, its variables naming every repository
        List<ServeEvent> queries = github.servedGraphql("Signals");
        assertThat(queries).hasSize(1);
        JsonNode variables = EventJson.mapper().readTree(queries.get(0).getRequest().getBodyAsString())
                .get("variables");
        assertThat(IntStream.range(0, targets.size()).mapToObj(i -> variables.get("o" + i).asText() + "/"
                + variables.get("n" + i).asText())).containsExactlyElementsOf(GithubStubs.repositories());
        // no contributor request for a repository that does not exist; the renamed one asked under its new name
        assertThat(github.servedContributors()).hasSize(targets.size() - 1)
                .noneMatch(e -> e.getRequest().getUrl().contains(targets.get(gone).subject() + "/"))
                .anyMatch(e -> e.getRequest().getUrl().startsWith("/repos/keras-team/keras-renamed/"));
    }

    @Test
    void aRunCostsOneQueryPerTwentyRepositoriesPlusContributorCountsAndAnUnchangedSecondRunNoRestQuota() {
        int n = GithubStubs.TARGETS.size();
        github.signals((i, answer) -> { });
        github.contributors();

        JsonPath first = Runs.finished(Runs.start());

        int graphql = github.served("/graphql").size();
        int contributors = github.servedContributors().size();
        assertThat(first.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(graphql).isEqualTo(1).isLessThanOrEqualTo(n / 20);
        assertThat(contributors).isEqualTo(n);
        assertThat(wireMock.getAllServeEvents()).hasSize(graphql + contributors);
        assertThat(first.getLong("cost")).isEqualTo(2 + n); // the query's rateLimit.cost, one per REST request

        wireMock.resetRequests();
        String secondRun = Runs.start();
        JsonPath second = Runs.finished(secondRun);

        assertThat(second.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(github.servedContributors()).hasSize(n)
                .allSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo(304));
        assertThat(second.getLong("cost")).isEqualTo(2); // authorised 304s are free: only the query's points
        List<ConsumerRecord<String, String>> records = Runs.events(secondRun, n);
        assertThat(records).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(Runs.of(records, GithubStubs.TARGETS.get(i).projectId()).contributors())
                    .isEqualTo(GithubFixtures.contributors(i));
        }
    }

    @Test
    void countsAYearOfReleasesOverAFurtherPageWhenTheFirstPageIsAllWithinTheYear() throws Exception {
        Instant now = Instant.now();
        github.signals((i, answer) -> {
            if (i == 0) {
                ArrayNode nodes = (ArrayNode) answer.get("data").get("r0").get("releases").get("nodes");
                nodes.remove(nodes.size() - 1); // the release from before the window
            }
        });
        ObjectNode page2 = EventJson.mapper().createObjectNode();
        ObjectNode data = page2.putObject("data");
        data.putObject("rateLimit").put("cost", 1).put("limit", 5000).put("remaining", 4987).put("used", 13)
                .put("resetAt", "2030-01-01T00:00:00Z");
        ObjectNode releases = data.putObject("r0").putObject("releases");
        releases.put("totalCount", 40);
        releases.putObject("pageInfo").put("hasNextPage", true).put("endCursor", "Y3Vyc29yOnYyOpK5page3");
        ArrayNode nodes = releases.putArray("nodes");
        GithubFixtures.release(nodes, "v0.97.0", now.minus(Duration.ofDays(200)), now.minus(Duration.ofDays(200)),
                false, false);
        GithubFixtures.release(nodes, "v0.96.0", now.minus(Duration.ofDays(380)), now.minus(Duration.ofDays(380)),
                false, false);
        wireMock.stubFor(post("/graphql").withRequestBody(containing("query Releases"))
                .willReturn(github.graphqlOk(page2.toString())));
        github.contributors();

        String runId = Runs.start();

        assertThat(Runs.finished(runId).getString("state")).isEqualTo("SUCCEEDED");
        GithubObservation torch = Runs.of(Runs.events(runId, GithubStubs.TARGETS.size()),
                GithubStubs.TARGETS.get(0).projectId());
        assertThat(torch.releasesLast365Days()).isEqualTo(GithubFixtures.RELEASES_LAST_365 + 1);
        assertThat(torch.latestReleaseTag()).isEqualTo(GithubFixtures.latestTag(0));
        List<ServeEvent> pages = github.servedGraphql("Releases");
        assertThat(pages).hasSize(1); // the second page reached back before the window: complete
        JsonNode variables = EventJson.mapper().readTree(pages.get(0).getRequest().getBodyAsString())
                .get("variables");
        assertThat(variables.get("owner").asText() + "/" + variables.get("name").asText())
                .isEqualTo(GithubStubs.TARGETS.get(0).subject());
        assertThat(variables.get("after").asText()).isEqualTo("Y3Vyc29yOnYyOpK5MjAyNS0wMS0wMQ==");
    }

    @Test
    void sendsTheTokenToGithubOnlyAndShowsGraphqlModeInHealthAndMetrics() {
        github.signals((i, answer) -> { });
        github.contributors();

        String runId = Runs.start();
        String summary = given().get("/api/v1/collect/" + Runs.finished(runId).getString("runId")).asString();

        assertThat(wireMock.getAllServeEvents()).isNotEmpty().allSatisfy(e -> assertThat(
                e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN));
        assertThat(wireMock.getAllServeEvents()).allSatisfy(e -> {
            assertThat(e.getRequest().getHeader("User-Agent")).isEqualTo("ecopulse-github-collector");
            assertThat(e.getRequest().getHeader("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        });
        String metrics = given().get("/q/metrics").asString();
        String health = given().get("/q/health/ready").asString();
        List<ConsumerRecord<String, String>> records = Runs.events(runId, GithubStubs.TARGETS.size());
        assertThat(List.of(summary, metrics, health)).noneMatch(text -> text.contains(TOKEN));
        assertThat(records).noneMatch(r -> r.value().contains(TOKEN) || TopicClient.headers(r).toString()
                .contains(TOKEN));
        assertThat(metrics).containsPattern("ecopulse_github_rest_only\\{[^}]*} 0\\.0")
                .containsPattern("ecopulse_github_rate_limit_remaining\\{[^}]*resource=\"graphql\"[^}]*} 4990\\.0")
                .containsPattern("ecopulse_collector_upstream_requests_total\\{[^}]*endpoint=\"contributors\"[^}]*"
                        + "status=\"200\"");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'github' }.data.mode", equalTo("graphql"))
                .body("checks.find { it.name == 'github' }.data.restOnly", equalTo(false));
    }

    static void assertContractEnvelope(ConsumerRecord<String, String> record) throws Exception {
        Map<String, String> headers = TopicClient.headers(record);
        assertThat(headers).containsEntry(CloudEventAttributes.HEADER_SPEC_VERSION, "1.0")
                .containsEntry(CloudEventAttributes.HEADER_TYPE, ObservationSource.GITHUB.eventType())
                .containsEntry(CloudEventAttributes.HEADER_SOURCE, "/collectors/github")
                .containsEntry(CloudEventAttributes.HEADER_SUBJECT, record.key())
                .containsEntry(CloudEventAttributes.HEADER_CONTENT_TYPE, "application/json")
                .containsKeys(CloudEventAttributes.HEADER_ID, CloudEventAttributes.HEADER_TIME);
        JsonNode payload = EventJson.mapper().readTree(record.value());
        assertThat(payload.get("projectId").asText()).isEqualTo(record.key());
        assertThat(EventSchemas.validate(ObservationSource.GITHUB.eventType(), payload)).isEmpty();
    }
}
