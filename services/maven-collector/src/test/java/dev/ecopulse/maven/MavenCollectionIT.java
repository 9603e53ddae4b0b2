package dev.ecopulse.maven;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.MavenObservation;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.maven.client.Coordinate;
import dev.ecopulse.maven.client.VersionRelease;
import dev.ecopulse.maven.testing.MavenStubs;
import dev.ecopulse.testsupport.VirtualTime;
import jakarta.inject.Inject;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.TopicClient;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A whole run over a catalog of 13 artifacts (src/test/resources/catalogs/maven-artifacts.yaml) through the admin API,
 * WireMock in place of the upstreams and the real broker: one CloudEvent per artifact, valid against the schema.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "test.wiremock.url"))
class MavenCollectionIT {

    static final Instant NOW = Instant.now();
    static final List<String> ORDINARY = List.of("org.pytorch:pytorch_android", "org.pytorch:pytorch_android_lite",
            "org.pytorch:pytorch_android_torchvision", "org.pytorch:executorch-android",
            "org.tensorflow:tensorflow-lite", "org.tensorflow:tensorflow-framework",
            "org.tensorflow:tensorflow-lite-support", "ai.djl:api", "ai.djl.pytorch:pytorch-engine",
            "ai.djl.tensorflow:tensorflow-engine");
    static final Coordinate MISSING = Coordinate.parse("ai.djl.mxnet:mxnet-engine");
    static final Coordinate SLOW_SEARCH = Coordinate.parse("org.tensorflow:tensorflow-core-api");
    static final Coordinate THROTTLED = Coordinate.parse("com.microsoft.onnxruntime:onnxruntime");

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    VirtualTime time;

    @Test
    void collectsEveryArtifactOfTheCatalogIntoOneEventEach() throws Exception {
        time.forgetPauses();
        wireMock.resetAll();
        for (int i = 0; i < ORDINARY.size(); i++) {
            stubArtifact(Coordinate.parse(ORDINARY.get(i)), 5 + i);
        }
        wireMock.stubFor(get(urlEqualTo(MavenStubs.metadataPath(MISSING))).willReturn(aResponse().withStatus(404)));
        stubArtifact(SLOW_SEARCH, 3);
        wireMock.stubFor(MavenStubs.searchRequest(SLOW_SEARCH, 0).atPriority(1)
                .willReturn(okJson("{}").withFixedDelay(2_000)));
        stubArtifact(THROTTLED, 4);
        wireMock.stubFor(get(urlEqualTo(MavenStubs.metadataPath(THROTTLED))).atPriority(1).inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("calm"));

        String runId = given().header("X-Api-Key", "test-admin-key-0123456789").post("/api/v1/collect").then().statusCode(202)
                .body("unit", equalTo("artifacts")).body("total", equalTo(13)).extract().path("runId");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/collect/" + runId).then()
                .body("state", equalTo("SUCCEEDED")).body("published", equalTo(13)).body("failed", equalTo(0))
                .body("seriesPublished", equalTo(12))
                // 10 × (metadata, search, deps.dev twice) + 404 + (metadata, 3 search attempts, deps.dev twice)
                // + (429, metadata, search, deps.dev twice)
                .body("cost", equalTo(40 + 1 + 6 + 5))
                .body("errors", hasItem("org.tensorflow:tensorflow-core-api: search: Central search did not answer"
                        + " within 500 ms (3 attempts)")));
        assertThat(time.waitsWhile("answered 429")).containsExactly(Duration.ofSeconds(2));

        Map<String, MavenObservation> events = eventsOf(runId);
        assertThat(events).hasSize(13);
        MavenObservation torch = events.get("org.pytorch:pytorch_android");
        assertThat(torch.projectId()).isEqualTo("torch");
        assertThat(torch.repository().versionCount()).isEqualTo(5);
        assertThat(torch.repository().highestVersion()).isEqualTo("2.4.0");
        assertThat(torch.search().latestReleaseAt()).isEqualTo(MavenStubs.weekly(5, NOW, 2).get(4).releasedAt()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(torch.depsdev().total()).isEqualTo(500L);
        assertThat(torch.missing()).isEmpty();

        assertThat(events.get(MISSING.toString()).status()).isEqualTo(SubjectStatus.NOT_FOUND);
        MavenObservation slow = events.get(SLOW_SEARCH.toString());
        assertThat(slow.search()).isNull();
        assertThat(slow.repository().highestVersion()).isEqualTo("2.2.0");
        assertThat(slow.depsdev()).isNotNull();
        assertThat(events.get(THROTTLED.toString()).repository().versionCount()).isEqualTo(4);

        given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString(
                "ecopulse_collector_upstream_requests_total{application=\"ecopulse\",endpoint=\"metadata\","
                        + "service=\"maven-collector\",source=\"maven\",status=\"429\"} 1.0"));
    }

    /** {@code count} weekly versions 2.0.0 ... 2.(count-1).0, the last two days ago, with dependents. */
    private void stubArtifact(Coordinate c, int count) {
        List<VersionRelease> releases = MavenStubs.weekly(count, NOW, 2).stream()
                .map(r -> new VersionRelease("2." + r.version().substring(r.version().lastIndexOf('.') + 1) + ".0",
                        r.releasedAt()))
                .toList();
        List<String> versions = releases.stream().map(VersionRelease::version).toList();
        String highest = versions.get(versions.size() - 1);
        // release names an older version, as deploying clients often leave it
        MavenStubs.metadata(wireMock, c, MavenStubs.metadataXml(c, versions.get(0), "20261127101500", versions));
        MavenStubs.search(wireMock, c, releases, 200);
        MavenStubs.dependents(wireMock, c, highest,
                "{\"dependentCount\":" + 100 * count + ",\"directDependentCount\":" + count + "}");
    }

    private static Map<String, MavenObservation> eventsOf(String runId) throws Exception {
        Map<String, MavenObservation> events = new HashMap<>();
        // 13 observations and 12 series (the artifact Central does not know has none)
        for (ConsumerRecord<String, String> record : TopicClient.read(Topics.METRICS_MAVEN, 25,
                Duration.ofSeconds(20))) {
            JsonNode payload = EventJson.mapper().readTree(record.value());
            if (!runId.equals(payload.path("runId").asText()) || !ObservationSource.MAVEN.eventType()
                    .equals(TopicClient.headers(record).get(CloudEventAttributes.HEADER_TYPE))) {
                continue; // another run's, or a series
            }
            assertThat(EventSchemas.validate(ObservationSource.MAVEN.eventType(), payload)).isEmpty();
            Map<String, String> headers = TopicClient.headers(record);
            assertThat(headers).containsEntry(CloudEventAttributes.HEADER_TYPE, "dev.ecopulse.maven.observation.v1")
                    .containsEntry(CloudEventAttributes.HEADER_SOURCE, "/collectors/maven")
                    .containsEntry(CloudEventAttributes.HEADER_SUBJECT, record.key());
            MavenObservation o = EventJson.mapper().treeToValue(payload, MavenObservation.class);
            assertThat(o.projectId()).isEqualTo(record.key());
            events.put(o.coordinate(), o);
        }
        return events;
    }
}
