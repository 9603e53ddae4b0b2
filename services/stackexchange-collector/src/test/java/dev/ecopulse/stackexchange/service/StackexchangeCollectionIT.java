package dev.ecopulse.stackexchange.service;

import static dev.ecopulse.collector.testing.CollectionRuns.recordsOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.stackexchange.support.UpstreamStubs;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test catalog collected on demand against the stubbed API and published through the real broker: one CloudEvent
 * per framework and one series per framework the site knows, keyed by framework id, every payload schema-valid.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.stackexchange.url"))
class StackexchangeCollectionIT {

    static final String KEY = "test-admin-key-0123456789";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    VirtualTime time;

    @BeforeEach
    void stubTheSite() {
        wireMock.resetAll();
        TestTime.reset(time);
        UpstreamStubs stubs = new UpstreamStubs(wireMock).tagInfo(StackexchangeObservationIT.ALL_TAGS,
                StackexchangeObservationIT.TOTALS, 299);
        StackexchangeObservationIT.ASKED.forEach((tag, n) -> stubs.questions(tag, n, 290)
                .noAnswers(tag, StackexchangeObservationIT.UNANSWERED.get(tag), 290));
    }

    @Test
    void publishesOneSchemaValidObservationPerFrameworkAndTheBackfilledSeries() throws Exception {
        String runId = given().header("X-Api-Key", KEY).post("/api/v1/collect?backfill=true").then().statusCode(202)
                .body("total", equalTo(7)).body("unit", equalTo("frameworks")).extract().path("runId");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/collect/" + runId).then()
                .statusCode(200).body("state", equalTo("SUCCEEDED")).body("published", equalTo(7))
                .body("failed", equalTo(0)).body("seriesPublished", equalTo(6)).body("cost", equalTo(106)));

        String type = ObservationSource.STACKEXCHANGE.eventType();
        for (ConsumerRecord<String, String> record : recordsOf(Topics.METRICS_STACKEXCHANGE, runId, type, 7)) {
            JsonNode payload = EventJson.mapper().readTree(record.value());
            assertThat(record.key()).isEqualTo(payload.path("frameworkId").asText());
            assertThat(TopicClient.headers(record)).containsEntry(CloudEventAttributes.HEADER_TYPE,
                    "dev.ecopulse.stackexchange.observation.v1")
                    .containsEntry(CloudEventAttributes.HEADER_SUBJECT, record.key());
            assertThat(EventSchemas.validate(type, payload)).as(record.key()).isEmpty();
        }
        String seriesType = SeriesObservation.eventType(ObservationSource.STACKEXCHANGE);
        for (ConsumerRecord<String, String> record : recordsOf(Topics.METRICS_STACKEXCHANGE, runId, seriesType, 6)) {
            SeriesObservation series = EventJson.mapper().readValue(record.value(), SeriesObservation.class);
            assertThat(record.key()).isEqualTo(series.projectId());
            assertThat(series.origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
            assertThat(series.flows()).hasSize(13);
            assertThat(EventSchemas.validate(seriesType, EventJson.mapper().readTree(record.value()))).isEmpty();
        }
    }
}
