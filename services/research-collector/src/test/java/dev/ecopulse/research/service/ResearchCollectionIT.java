package dev.ecopulse.research.service;

import static dev.ecopulse.collector.testing.CollectionRuns.recordsOf;
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
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.ResearchObservation;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.research.client.OpenAlexClient;
import dev.ecopulse.research.support.UpstreamStubs;
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
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test catalog collected on demand against WireMock and published through the real broker: one CloudEvent per
 * framework, keyed by framework id, and one series of works per framework, every payload schema-valid.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.research.url"))
class ResearchCollectionIT {

    static final String KEY = "test-admin-key-0123456789";
    static final Map<String, String> SEARCHES = Map.of("pytorch", ResearchRunIT.TORCH, "jax", ResearchRunIT.JAX,
            "mxnet", ResearchRunIT.MXNET);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    VirtualTime time;

    @Inject
    OpenAlexClient openAlex;

    @Inject
    DailyBudget budget;

    @BeforeEach
    void stubOpenAlex() {
        wireMock.resetAll();
        TestTime.reset(time);
        openAlex.forgetCounts();
        budget.reset();
        UpstreamStubs stubs = new UpstreamStubs(wireMock);
        SEARCHES.values().forEach(search -> stubs.search(search, UpstreamStubs.works(321)));
    }

    @Test
    void publishesOneSchemaValidObservationAndSeriesPerFramework() throws Exception {
        String runId = given().header("X-Api-Key", KEY).post("/api/v1/collect?backfill=true").then()
                .statusCode(202).body("total", equalTo(3)).body("unit", equalTo("frameworks")).extract()
                .path("runId");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/collect/" + runId).then()
                .statusCode(200).body("state", equalTo("SUCCEEDED")).body("published", equalTo(3))
                .body("seriesPublished", equalTo(3)).body("failed", equalTo(0)));
        // 3 frameworks × (2 years + 13 windows)
        given().get("/api/v1/collect/" + runId).then().body("cost", equalTo(45));

        for (ConsumerRecord<String, String> record : recordsOf(Topics.METRICS_RESEARCH,
                runId, ObservationSource.RESEARCH.eventType(), 3)) {
            ResearchObservation o = EventJson.mapper().readValue(record.value(), ResearchObservation.class);
            assertThat(record.key()).isEqualTo(o.frameworkId());
            assertThat(o.search()).isEqualTo(SEARCHES.get(o.frameworkId()));
            assertThat(o.works().lastYear()).isEqualTo(321);
            Map<String, String> headers = TopicClient.headers(record);
            assertThat(headers).containsEntry(CloudEventAttributes.HEADER_TYPE, "dev.ecopulse.research.observation.v1")
                    .containsEntry(CloudEventAttributes.HEADER_SOURCE, "/collectors/research")
                    .containsEntry(CloudEventAttributes.HEADER_SUBJECT, o.frameworkId())
                    .containsEntry(CloudEventAttributes.HEADER_ID, EventIds.observationId(ObservationSource.RESEARCH,
                            o.frameworkId(), o.search(), o.observedAt(), EventIds.DEFAULT_BUCKET));
            assertThat(Instant.parse(headers.get(CloudEventAttributes.HEADER_TIME))).isEqualTo(o.observedAt());
            JsonNode payload = EventJson.mapper().readTree(record.value());
            assertThat(EventSchemas.validate(ObservationSource.RESEARCH.eventType(), payload)).as(o.frameworkId())
                    .isEmpty();
        }
        String seriesType = SeriesObservation.eventType(ObservationSource.RESEARCH);
        for (ConsumerRecord<String, String> record : recordsOf(Topics.METRICS_RESEARCH, runId, seriesType, 3)) {
            SeriesObservation series = EventJson.mapper().readValue(record.value(), SeriesObservation.class);
            assertThat(record.key()).isEqualTo(series.projectId());
            assertThat(series.origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
            assertThat(series.flows()).hasSize(13).allMatch(f -> f.signal().equals("works") && f.days() == 30);
            assertThat(TopicClient.headers(record)).containsEntry(CloudEventAttributes.HEADER_ID,
                    EventIds.seriesId(series));
            assertThat(EventSchemas.validate(seriesType, EventJson.mapper().readTree(record.value()))).isEmpty();
        }
    }
}
