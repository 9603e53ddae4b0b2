package dev.ecopulse.collector.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.collector.run.FakeCollectorControl;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared run machinery on a real broker: admin key, one run at a time, progress, CloudEvents on the topic. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class CollectResourceIT {

    private static final String KEY = "test-admin-key-0123456789";

    @AfterEach
    void reset() {
        FakeCollectorControl.reset();
    }

    @Test
    void refusesToStartARunWithoutTheAdminKey() {
        given().post("/api/v1/collect").then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("missing X-Api-Key header"));
        given().header("X-Api-Key", "guess").post("/api/v1/collect").then().statusCode(401)
                .body("detail", equalTo("wrong X-Api-Key"));
    }

    @Test
    void slowsDownAClientThatKeepsPresentingWrongKeys() {
        // a right key clears what other tests of this client failed: start from a clean count
        given().header("X-Api-Key", KEY).post("/api/v1/collect").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/collect").jsonPath()
                .getList("state").stream().noneMatch("RUNNING"::equals));
        for (int i = 0; i < 5; i++) {
            given().header("X-Api-Key", "guess-" + i).post("/api/v1/collect").then().statusCode(401);
        }
        given().header("X-Api-Key", KEY).post("/api/v1/collect").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", "1")
                .body("detail", equalTo("too many wrong X-Api-Key attempts from this client: retry after 1 s"));
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> given()
                .header("X-Api-Key", KEY).post("/api/v1/collect").statusCode() == 202);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/collect").jsonPath()
                .getList("state").stream().noneMatch("RUNNING"::equals));
    }

    @Test
    void runsOneRunAtATimeAndPublishesOneCloudEventPerTarget() throws Exception {
        FakeCollectorControl.holdRuns();
        String runId = given().header("X-Api-Key", KEY).post("/api/v1/collect")
                .then().statusCode(202).header("Location", startsWith("http"))
                .body("state", equalTo("RUNNING")).body("total", equalTo(3)).body("unit", equalTo("packages"))
                .extract().path("runId");

        given().header("X-Api-Key", KEY).post("/api/v1/collect")
                .then().statusCode(409).contentType("application/problem+json").body("runId", equalTo(runId));

        FakeCollectorControl.release();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/collect/" + runId)
                .then().statusCode(200).body("state", equalTo("SUCCEEDED")).body("published", equalTo(3))
                .body("done", equalTo(3)).body("cost", equalTo(6)));
        given().get("/api/v1/collect").then().statusCode(200).body("runId", hasItem(runId));

        List<ConsumerRecord<String, String>> records = forRun(runId);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("torch", "flax", "optax");
        for (ConsumerRecord<String, String> record : records) {
            Map<String, String> headers = TopicClient.headers(record);
            assertThat(headers).containsEntry(CloudEventAttributes.HEADER_SPEC_VERSION, "1.0")
                    .containsEntry(CloudEventAttributes.HEADER_TYPE, ObservationSource.PYPI.eventType())
                    .containsEntry(CloudEventAttributes.HEADER_SOURCE, "/collectors/pypi")
                    .containsEntry(CloudEventAttributes.HEADER_SUBJECT, record.key())
                    .containsEntry(CloudEventAttributes.HEADER_CONTENT_TYPE, "application/json")
                    .containsKeys(CloudEventAttributes.HEADER_ID, CloudEventAttributes.HEADER_TIME);
            JsonNode payload = EventJson.mapper().readTree(record.value());
            assertThat(EventSchemas.validate(ObservationSource.PYPI.eventType(), payload)).isEmpty();
        }
    }

    @Test
    void reportsTargetsWithoutObservationAsAPartialRun() {
        FakeCollectorControl.failOn("flax");
        String runId = given().header("X-Api-Key", KEY).post("/api/v1/collect").then().statusCode(202)
                .extract().path("runId");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/collect/" + runId)
                .then().body("state", equalTo("PARTIAL")).body("published", equalTo(2)).body("failed", equalTo(1))
                .body("errors[0]", equalTo("flax flax: upstream answered 502 three times")));
    }

    @Test
    void aBackfillRunSendsEverySubjectsPastThenLaterRunsOnlyTheirRecentFlows() throws Exception {
        FakeCollectorControl.sendSeries();
        String backfill = runToTheEnd("?backfill=true");
        String later = runToTheEnd("");

        given().get("/api/v1/collect/" + backfill).then().body("backfill", equalTo(true))
                .body("seriesPublished", equalTo(3)).body("published", equalTo(3));
        given().get("/api/v1/collect/" + later).then().body("backfill", equalTo(false))
                .body("seriesPublished", equalTo(3));
        String type = SeriesObservation.eventType(ObservationSource.PYPI);
        List<ConsumerRecord<String, String>> records = ofType(forRun(backfill), type);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("torch", "flax", "optax");
        for (ConsumerRecord<String, String> record : records) {
            SeriesObservation series = EventJson.mapper().readValue(record.value(), SeriesObservation.class);
            assertThat(series.origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
            assertThat(TopicClient.headers(record)).containsEntry(CloudEventAttributes.HEADER_TYPE,
                    "dev.ecopulse.pypi.series.v1").containsEntry(CloudEventAttributes.HEADER_SOURCE, "/collectors/pypi")
                    .containsEntry(CloudEventAttributes.HEADER_SUBJECT, record.key())
                    .containsEntry(CloudEventAttributes.HEADER_ID, EventIds.seriesId(series))
                    .containsEntry(CloudEventAttributes.HEADER_CONTENT_TYPE, "application/json");
            assertThat(EventSchemas.validate(type, EventJson.mapper().readTree(record.value()))).isEmpty();
        }
        assertThat(ofType(forRun(later), type)).extracting(CollectResourceIT::origin)
                .containsOnly(SeriesObservation.ORIGIN_COLLECTION).hasSize(3);
        given().get("/q/metrics").then().body(containsString("ecopulse_collector_events_published_total{"
                + "application=\"ecopulse\",kind=\"series\""));
    }

    @Test
    void answersAnUnknownRunWithAProblem() {
        given().get("/api/v1/collect/pypi-nope").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no run 'pypi-nope' (only the last runs are kept)"));
    }

    private static String runToTheEnd(String query) {
        String runId = given().header("X-Api-Key", KEY).post("/api/v1/collect" + query).then().statusCode(202)
                .extract().path("runId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/collect/" + runId)
                .then().body("state", equalTo("SUCCEEDED")));
        return runId;
    }

    private static String origin(ConsumerRecord<String, String> record) {
        try {
            return EventJson.mapper().readTree(record.value()).path("origin").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<ConsumerRecord<String, String>> ofType(List<ConsumerRecord<String, String>> records,
            String type) {
        return records.stream().filter(r -> type.equals(TopicClient.headers(r).get(CloudEventAttributes.HEADER_TYPE)))
                .toList();
    }

    private static List<ConsumerRecord<String, String>> forRun(String runId) throws Exception {
        List<ConsumerRecord<String, String>> all = TopicClient.read(Topics.METRICS_PYPI, 3, Duration.ofSeconds(20));
        List<ConsumerRecord<String, String>> mine = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : all) {
            if (runId.equals(EventJson.mapper().readTree(r.value()).path("runId").asText())) {
                mine.add(r);
            }
        }
        return mine;
    }
}
