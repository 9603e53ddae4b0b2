package dev.ecopulse.pypi.service;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.ecopulse.collector.testing.CollectionRuns.recordsOf;
import static dev.ecopulse.collector.testing.CollectionRuns.runToTheEnd;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.PypiObservation;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.pypi.client.pypistats.PypistatsClient;
import dev.ecopulse.pypi.support.UpstreamStubs;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.TopicClient;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole catalog (12 packages, test catalog-it.yaml) collected on demand against WireMock, published through the real
 * broker: one CloudEvent per package with its headers, key and a schema-valid payload.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.pypi.url,ecopulse.pypistats.url,ecopulse.depsdev.url"))
class PypiCollectionIT {

    static final String KEY = "test-admin-key-0123456789";
    /** The catalog's packages, PEP 503-normalised, with the project each belongs to. */
    static final Map<String, String> PACKAGES = Map.ofEntries(Map.entry("optax", "optax"), Map.entry("chex", "chex"),
            Map.entry("jax", "jax-core"), Map.entry("jaxlib", "jax-core"), Map.entry("flax", "flax"),
            Map.entry("equinox", "equinox"), Map.entry("keras", "keras-core"), Map.entry("tf-keras", "keras-core"),
            Map.entry("torch", "torch"), Map.entry("lightning", "lightning"),
            Map.entry("pytorch-lightning", "lightning"), Map.entry("ghost-package-xyz", "ghost"));

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    VirtualTime time;

    @Inject
    PypistatsClient pypistats;

    @BeforeEach
    void stubTheCatalog() {
        wireMock.resetAll();
        TestTime.reset(time);
        pypistats.forgetAnswers();
        UpstreamStubs stubs = new UpstreamStubs(wireMock);
        for (String name : List.of("optax", "jax", "flax", "equinox", "keras", "tf-keras", "torch", "lightning",
                "pytorch-lightning")) {
            stubs.everything(name, "optax", "0.2.8");
        }
        stubs.everything("chex", "chex", "0.1.86").everything("jaxlib", "jaxlib", "0.5.0")
                .recent("equinox", UpstreamStubs.pypistatsNotFound()).unknown("ghost-package-xyz");
    }

    @Test
    void publishesOneSchemaValidCloudEventPerCatalogPackage() throws Exception {
        String runId = given().header("X-Api-Key", KEY).post("/api/v1/collect").then().statusCode(202)
                .body("total", equalTo(12)).body("unit", equalTo("packages")).extract().path("runId");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/collect/" + runId).then()
                .statusCode(200).body("state", equalTo("SUCCEEDED")).body("done", equalTo(12))
                .body("published", equalTo(12)).body("failed", equalTo(0))
                // the package PyPI does not know has no series
                .body("seriesPublished", equalTo(11)));
        // 10 packages × 6 requests (deps.dev twice: the default version, then its dependents), equinox 5 (no series
        // asked after pypistats' 404), the unknown package 1
        given().get("/api/v1/collect/" + runId).then().body("cost", equalTo(66));

        List<ConsumerRecord<String, String>> records = recordsOf(Topics.METRICS_PYPI,
                runId, ObservationSource.PYPI.eventType(), 12);
        Map<String, PypiObservation> byPackage = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            PypiObservation o = EventJson.mapper().readValue(record.value(), PypiObservation.class);
            byPackage.put(o.packageName(), o);
            assertThat(record.key()).isEqualTo(PACKAGES.get(o.packageName())).isEqualTo(o.projectId());
            Map<String, String> headers = TopicClient.headers(record);
            assertThat(headers).containsEntry(CloudEventAttributes.HEADER_SPEC_VERSION, "1.0")
                    .containsEntry(CloudEventAttributes.HEADER_TYPE, "dev.ecopulse.pypi.observation.v1")
                    .containsEntry(CloudEventAttributes.HEADER_SOURCE, "/collectors/pypi")
                    .containsEntry(CloudEventAttributes.HEADER_SUBJECT, o.projectId())
                    .containsEntry(CloudEventAttributes.HEADER_CONTENT_TYPE, "application/json")
                    .containsEntry(CloudEventAttributes.HEADER_ID, EventIds.observationId(ObservationSource.PYPI,
                            o.projectId(), o.packageName(), o.observedAt(), EventIds.DEFAULT_BUCKET));
            assertThat(Instant.parse(headers.get(CloudEventAttributes.HEADER_TIME))).isEqualTo(o.observedAt());
            JsonNode payload = EventJson.mapper().readTree(record.value());
            assertThat(EventSchemas.validate(ObservationSource.PYPI.eventType(), payload)).as(o.packageName()).isEmpty();
        }
        assertThat(byPackage).containsOnlyKeys(PACKAGES.keySet());
        assertThat(byPackage.get("ghost-package-xyz").status()).isEqualTo(SubjectStatus.NOT_FOUND);
        assertThat(byPackage.get("equinox").pypistats()).isNull();
        assertThat(byPackage.get("tf-keras").pypi().releaseCount()).isEqualTo(16);
        assertThat(byPackage.get("jaxlib").pypi().latestVersion()).isEqualTo("0.5.0");
        assertThat(byPackage.get("chex").pypi().yankedReleases()).isEqualTo(1);
        assertThat(byPackage.get("torch").depsdev().total()).isEqualTo(5234);

        // names as the catalog writes them (PyTorch.Lightning, tf_keras) are asked for in their PEP 503 form
        wireMock.verify(getRequestedFor(urlEqualTo(UpstreamStubs.jsonPath("pytorch-lightning"))));
        wireMock.verify(getRequestedFor(urlEqualTo(UpstreamStubs.dependentsPath("tf-keras", "0.2.8")))
                .withHeader("User-Agent", WireMock.equalTo(PackageObservationIT.UA)));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("ecopulse_collector_upstream_requests_total{application=\"ecopulse\","
                        + "endpoint=\"pypistats-overall\",service=\"pypi-collector\",source=\"pypi\",status=\"200\"}"));
    }

    @Test
    void backfillsEachPackageOnceUnlessARunAsksForTheBackfill() throws Exception {
        String first = runToTheEnd(KEY, "?backfill=true"); // every package, whatever earlier runs backfilled
        String second = runToTheEnd(KEY, "");
        String third = runToTheEnd(KEY, "?backfill=true");

        given().get("/api/v1/collect/" + first).then().body("backfill", equalTo(true))
                .body("seriesPublished", equalTo(11));
        given().get("/api/v1/collect/" + second).then().body("backfill", equalTo(false));
        String seriesType = SeriesObservation.eventType(ObservationSource.PYPI);
        List<ConsumerRecord<String, String>> backfills = recordsOf(Topics.METRICS_PYPI, first, seriesType, 11);
        for (ConsumerRecord<String, String> record : backfills) {
            SeriesObservation series = EventJson.mapper().readValue(record.value(), SeriesObservation.class);
            assertThat(series.origin()).as(series.subject()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
            assertThat(record.key()).isEqualTo(PACKAGES.get(series.subject())).isEqualTo(series.projectId());
            assertThat(TopicClient.headers(record)).containsEntry(CloudEventAttributes.HEADER_TYPE, seriesType)
                    .containsEntry(CloudEventAttributes.HEADER_ID, EventIds.seriesId(series))
                    .containsEntry(CloudEventAttributes.HEADER_SUBJECT, series.projectId());
            assertThat(EventSchemas.validate(seriesType, EventJson.mapper().readTree(record.value()))).isEmpty();
        }
        assertThat(origins(second, seriesType)).as("backfilled subjects read only their recent windows")
                .hasSize(11).containsOnly(SeriesObservation.ORIGIN_COLLECTION);
        assertThat(origins(third, seriesType)).hasSize(11).containsOnly(SeriesObservation.ORIGIN_BACKFILL);
    }

    private static List<String> origins(String runId, String type) throws Exception {
        List<String> origins = new ArrayList<>();
        for (ConsumerRecord<String, String> record : recordsOf(Topics.METRICS_PYPI, runId, type, 11)) {
            origins.add(EventJson.mapper().readTree(record.value()).path("origin").asText());
        }
        return origins;
    }
}
