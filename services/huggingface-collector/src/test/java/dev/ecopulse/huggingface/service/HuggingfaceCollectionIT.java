package dev.ecopulse.huggingface.service;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ecopulse.collector.testing.CollectionRuns.recordsOf;
import static dev.ecopulse.collector.testing.CollectionRuns.runToTheEnd;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.HuggingfaceObservation;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.huggingface.support.HubStubs;
import dev.ecopulse.huggingface.support.HubStubs.Created;
import dev.ecopulse.huggingface.support.HubStubs.Popular;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test catalog's four frameworks with Hub tags collected on demand against WireMock (pages of 3, 5 most downloaded
 * models) and published through the real broker: one observation and one series per framework, keyed by framework id,
 * with their CloudEvents headers and schema-valid payloads; and the requests a run costs.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.huggingface.url"))
class HuggingfaceCollectionIT {

    static final String KEY = "test-admin-key-0123456789";
    static final List<String> FRAMEWORKS = List.of("pytorch", "tensorflow", "keras", "ghost");
    /** 2 pages of the most downloaded models, pytorch 2, tf 1, keras 1 and tf-keras 1, the unknown tag 1. */
    static final int REQUESTS_PER_RUN = 8;

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    VirtualTime time;

    @BeforeEach
    void stubTheHub() {
        wireMock.resetAll();
        TestTime.reset(time);
        Instant now = time.now();
        HubStubs stubs = new HubStubs(wireMock);
        stubs.mostDownloaded(3, List.of(
                new Popular("sentence-transformers/all-MiniLM-L6-v2", 90_000_000, 3_000, "sentence-transformers",
                        List.of("sentence-transformers", "pytorch", "tf", "onnx", "safetensors")),
                new Popular("google-bert/bert-base-uncased", 56_000_000, 2_400, "transformers",
                        List.of("transformers", "pytorch", "tf", "jax", "safetensors")),
                new Popular("Qwen/Qwen2.5-7B-Instruct", 9_000_000, 800, "transformers",
                        List.of("transformers", "safetensors", "qwen2")),
                new Popular("openai/clip-vit-base-patch32", 20_000_000, 700, "transformers",
                        List.of("transformers", "pytorch", "clip")),
                new Popular("keras-io/ocr", 1_000, 10, "keras", List.of("keras")),
                new Popular("beyond/the-sample", 900, 1, "keras", List.of("keras"))));
        stubs.tagged("pytorch", List.of(new Created("a/1", now.minus(Duration.ofDays(1))),
                new Created("a/2", now.minus(Duration.ofDays(20))), new Created("a/3", now.minus(Duration.ofDays(45))),
                new Created("a/4", now.minus(Duration.ofDays(300))), new Created("a/5", now.minus(Duration.ofDays(900)))));
        stubs.tagged("tf", List.of(new Created("b/1", now.minus(Duration.ofDays(50))),
                new Created("b/2", now.minus(Duration.ofDays(700)))));
        stubs.tagged("keras", List.of(new Created("keras-io/ocr", now.minus(Duration.ofDays(5)))));
        stubs.tagged("tf-keras", List.of(new Created("keras-io/ocr", now.minus(Duration.ofDays(5))),
                new Created("c/1", now.minus(Duration.ofDays(35)))));
        stubs.tagged("no-such-library-xyz", List.of());
    }

    @Test
    void publishesOneSchemaValidObservationAndSeriesPerFramework() throws Exception {
        String runId = given().header("X-Api-Key", KEY).post("/api/v1/collect").then().statusCode(202)
                .body("total", equalTo(4)).body("unit", equalTo("frameworks")).extract().path("runId");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/collect/" + runId).then()
                .statusCode(200).body("state", equalTo("SUCCEEDED")).body("done", equalTo(4))
                .body("published", equalTo(4)).body("failed", equalTo(0)).body("seriesPublished", equalTo(4))
                .body("cost", equalTo(REQUESTS_PER_RUN)));
        wireMock.verify(REQUESTS_PER_RUN, getRequestedFor(urlPathEqualTo("/api/models")));

        Map<String, HuggingfaceObservation> byFramework = new HashMap<>();
        for (ConsumerRecord<String, String> record : recordsOf(Topics.METRICS_HUGGINGFACE,
                runId, ObservationSource.HUGGINGFACE.eventType(), 4)) {
            HuggingfaceObservation o = EventJson.mapper().readValue(record.value(), HuggingfaceObservation.class);
            byFramework.put(o.frameworkId(), o);
            Map<String, String> headers = TopicClient.headers(record);
            assertThat(record.key()).isEqualTo(o.frameworkId());
            assertThat(headers).containsEntry(CloudEventAttributes.HEADER_TYPE,
                    "dev.ecopulse.huggingface.observation.v1")
                    .containsEntry(CloudEventAttributes.HEADER_SOURCE, "/collectors/huggingface")
                    .containsEntry(CloudEventAttributes.HEADER_SUBJECT, o.frameworkId())
                    .containsEntry(CloudEventAttributes.HEADER_ID, EventIds.observationId(
                            ObservationSource.HUGGINGFACE, o.frameworkId(), o.subject(), o.observedAt(),
                            EventIds.DEFAULT_BUCKET));
            assertThat(EventSchemas.validate(ObservationSource.HUGGINGFACE.eventType(),
                    EventJson.mapper().readTree(record.value()))).as(o.frameworkId()).isEmpty();
        }
        assertThat(byFramework).containsOnlyKeys(FRAMEWORKS);
        assertThat(byFramework.get("pytorch").models()).isEqualTo(new HuggingfaceObservation.Models(5L, 2L, 1L));
        assertThat(byFramework.get("keras").models()).isEqualTo(new HuggingfaceObservation.Models(2L, 1L, 1L));
        assertThat(byFramework.get("ghost").models()).isEqualTo(new HuggingfaceObservation.Models(0L, 0L, 0L));
        assertThat(byFramework.get("pytorch").topModels()).isEqualTo(new HuggingfaceObservation.TopModels(5, 3L, 1L,
                2L, 1L, 166_000_000L, 20_000_000L, 6_100L));
        assertThat(byFramework.get("keras").topModels().exclusive()).isEqualTo(1);
        assertThat(byFramework.values()).allSatisfy(o -> assertThat(o.missing()).isEmpty());

        for (ConsumerRecord<String, String> record : recordsOf(Topics.METRICS_HUGGINGFACE, runId,
                SeriesObservation.eventType(ObservationSource.HUGGINGFACE), 4)) {
            SeriesObservation series = EventJson.mapper().readValue(record.value(), SeriesObservation.class);
            assertThat(record.key()).isEqualTo(series.projectId());
            assertThat(EventSchemas.validate(series.eventType(), EventJson.mapper().readTree(record.value())))
                    .as(series.projectId()).isEmpty();
            assertThat(series.flows()).allMatch(f -> f.signal().equals(SeriesObservation.Signals.MODELS));
        }
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "ecopulse_collector_upstream_requests_total{application=\"ecopulse\",endpoint=\"models-tagged\","
                        + "service=\"huggingface-collector\",source=\"huggingface\",status=\"200\"}"));
    }

    @Test
    void backfillsEachFrameworkOnceUnlessARunAsksForTheBackfill() throws Exception {
        String first = runToTheEnd(KEY, "?backfill=true");
        String second = runToTheEnd(KEY, "");

        String type = SeriesObservation.eventType(ObservationSource.HUGGINGFACE);
        List<SeriesObservation> backfills = new ArrayList<>();
        for (ConsumerRecord<String, String> record : recordsOf(Topics.METRICS_HUGGINGFACE, first, type, 4)) {
            backfills.add(EventJson.mapper().readValue(record.value(), SeriesObservation.class));
        }
        assertThat(backfills).allMatch(s -> s.origin().equals(SeriesObservation.ORIGIN_BACKFILL));
        assertThat(backfills).filteredOn(s -> s.projectId().equals("pytorch")).singleElement()
                .satisfies(s -> assertThat(s.flows().stream().mapToLong(SeriesObservation.Flow::count).sum())
                        .as("every pytorch model, the one 900 days old included").isEqualTo(5));
        for (ConsumerRecord<String, String> record : recordsOf(Topics.METRICS_HUGGINGFACE, second, type, 4)) {
            SeriesObservation s = EventJson.mapper().readValue(record.value(), SeriesObservation.class);
            assertThat(s.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
            assertThat(s.flows()).hasSize(6);
        }
        // the same pages either way: the series costs no request of its own
        given().get("/api/v1/collect/" + first).then().body("cost", equalTo(REQUESTS_PER_RUN));
        given().get("/api/v1/collect/" + second).then().body("cost", equalTo(REQUESTS_PER_RUN));
    }
}
