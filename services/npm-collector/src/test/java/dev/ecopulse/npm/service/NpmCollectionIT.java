package dev.ecopulse.npm.service;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.ecopulse.collector.testing.CollectionRuns.recordsOf;
import static dev.ecopulse.collector.testing.CollectionRuns.runToTheEnd;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.NpmObservation;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.npm.support.UpstreamStubs;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.TopicClient;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default catalog's npm packages (test catalog-it.yaml, plus two that do not exist) collected on demand against
 * WireMock and published through the real broker: one schema-valid CloudEvent per package, and a series per package
 * npm knows.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.npm.registry-url,ecopulse.npm.downloads-url"))
class NpmCollectionIT {

    static final String KEY = "test-admin-key-0123456789";
    static final Map<String, String> PACKAGES = Map.ofEntries(Map.entry("@tensorflow/tfjs", "tfjs"),
            Map.entry("@tensorflow/tfjs-node", "tfjs"), Map.entry("@paddlejs/paddlejs-core", "paddlejs"),
            Map.entry("@huggingface/transformers", "transformers-js"),
            Map.entry("@xenova/transformers", "transformers-js"), Map.entry("onnxruntime-web", "onnxruntime"),
            Map.entry("onnxruntime-node", "onnxruntime"), Map.entry("ghost-package-xyz", "ghost"),
            Map.entry("@ghost/none", "ghost"));
    static final List<String> UNSCOPED = List.of("onnxruntime-web", "onnxruntime-node", "ghost-package-xyz");

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    VirtualTime time;

    @BeforeEach
    void stubTheCatalog() {
        wireMock.resetAll();
        TestTime.reset(time);
        UpstreamStubs stubs = new UpstreamStubs(wireMock);
        PACKAGES.keySet().stream().filter(n -> !n.contains("ghost")).forEach(stubs::everything);
        stubs.unknown("ghost-package-xyz").unknown("@ghost/none")
                .bulk(UNSCOPED, UpstreamStubs.downloadsOk(UpstreamStubs.bulkBody(UNSCOPED,
                        Set.of("ghost-package-xyz"))));
    }

    @Test
    void publishesOneSchemaValidCloudEventPerCatalogPackage() throws Exception {
        String runId = given().header("X-Api-Key", KEY).post("/api/v1/collect").then().statusCode(202)
                .body("total", equalTo(9)).body("unit", equalTo("packages")).extract().path("runId");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/collect/" + runId).then()
                .statusCode(200).body("state", equalTo("SUCCEEDED")).body("done", equalTo(9))
                .body("published", equalTo(9)).body("failed", equalTo(0)).body("seriesPublished", equalTo(7)));
        // 9 registry documents, 1 bulk query for the 3 unscoped names, 5 scoped queries (none for '@ghost/none',
        // which the registry does not know)
        given().get("/api/v1/collect/" + runId).then().body("cost", equalTo(15));
        wireMock.verify(0, getRequestedFor(urlMatching("/downloads/.*(@.*,|,@).*")));

        Map<String, NpmObservation> byPackage = new HashMap<>();
        for (ConsumerRecord<String, String> record : recordsOf(Topics.METRICS_NPM,
                runId, ObservationSource.NPM.eventType(), 9)) {
            NpmObservation o = EventJson.mapper().readValue(record.value(), NpmObservation.class);
            byPackage.put(o.packageName(), o);
            assertThat(record.key()).isEqualTo(PACKAGES.get(o.packageName())).isEqualTo(o.projectId());
            Map<String, String> headers = TopicClient.headers(record);
            assertThat(headers).containsEntry(CloudEventAttributes.HEADER_TYPE, "dev.ecopulse.npm.observation.v1")
                    .containsEntry(CloudEventAttributes.HEADER_SOURCE, "/collectors/npm")
                    .containsEntry(CloudEventAttributes.HEADER_SUBJECT, o.projectId())
                    .containsEntry(CloudEventAttributes.HEADER_ID, EventIds.observationId(ObservationSource.NPM,
                            o.projectId(), o.packageName(), o.observedAt(), EventIds.DEFAULT_BUCKET));
            assertThat(Instant.parse(headers.get(CloudEventAttributes.HEADER_TIME))).isEqualTo(o.observedAt());
            JsonNode payload = EventJson.mapper().readTree(record.value());
            assertThat(EventSchemas.validate(ObservationSource.NPM.eventType(), payload)).as(o.packageName())
                    .isEmpty();
        }
        assertThat(byPackage).containsOnlyKeys(PACKAGES.keySet());
        assertThat(byPackage.get("ghost-package-xyz").status()).isEqualTo(SubjectStatus.NOT_FOUND);
        assertThat(byPackage.get("@ghost/none").status()).isEqualTo(SubjectStatus.NOT_FOUND);
        assertThat(byPackage.get("@tensorflow/tfjs").registry().releaseCount()).isEqualTo(3);
        assertThat(byPackage.get("onnxruntime-node").downloads().lastMonth()).isEqualTo(297);
    }

    @Test
    void backfillsEachPackageOnceUnlessARunAsksForTheBackfill() throws Exception {
        String first = runToTheEnd(KEY, "?backfill=true");
        String second = runToTheEnd(KEY, "");

        // a backfill costs what a collection costs: every run reads npm's last 365 days anyway
        given().get("/api/v1/collect/" + first).then().body("backfill", equalTo(true)).body("cost", equalTo(15));
        given().get("/api/v1/collect/" + second).then().body("backfill", equalTo(false)).body("cost", equalTo(15));
        String seriesType = SeriesObservation.eventType(ObservationSource.NPM);
        for (ConsumerRecord<String, String> record : recordsOf(Topics.METRICS_NPM, first, seriesType, 7)) {
            SeriesObservation series = EventJson.mapper().readValue(record.value(), SeriesObservation.class);
            assertThat(series.origin()).as(series.subject()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
            assertThat(series.flows()).filteredOn(f -> f.signal().equals("downloads")).hasSize(365);
            assertThat(record.key()).isEqualTo(PACKAGES.get(series.subject()));
            assertThat(TopicClient.headers(record)).containsEntry(CloudEventAttributes.HEADER_ID,
                    EventIds.seriesId(series));
            assertThat(EventSchemas.validate(seriesType, EventJson.mapper().readTree(record.value()))).isEmpty();
        }
        for (ConsumerRecord<String, String> record : recordsOf(Topics.METRICS_NPM, second, seriesType, 7)) {
            SeriesObservation series = EventJson.mapper().readValue(record.value(), SeriesObservation.class);
            assertThat(series.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
            assertThat(series.flows()).filteredOn(f -> f.signal().equals("downloads")).hasSize(60);
            assertThat(EventSchemas.validate(seriesType, EventJson.mapper().readTree(record.value()))).isEmpty();
        }
    }
}
