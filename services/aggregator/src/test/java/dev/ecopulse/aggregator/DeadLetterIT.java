package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import dev.ecopulse.testsupport.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A malformed observation goes to the dead-letter topic with its reason, and the stream goes on. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class DeadLetterIT {

    static final Instant AT = Instant.parse("2026-11-28T07:00:00Z");

    @Test
    void rejectsMalformedObservationsWithTheirReasonAndStoresTheNextValidOne() {
        Observation valid = TestObservations.pypi("equinox", "equinox", AT).build();
        Map<String, String> headers = ObservationSender.headers(valid);
        Map<String, String> withoutId = new LinkedHashMap<>(headers);
        withoutId.remove(CloudEventAttributes.HEADER_ID);
        String json = new String(EventJson.write(valid), StandardCharsets.UTF_8);

        TopicClient.send(Topics.METRICS_PYPI, "equinox", "{\"projectId\": \"equinox\", truncated", headers);
        TopicClient.send(Topics.METRICS_PYPI, "equinox", json, withoutId);
        TopicClient.send(Topics.METRICS_PYPI, "equinox", json.replace("2026-11-28T07:00:00Z",
                "2026-11-28T08:00:00Z"), headers);
        TopicClient.send(Topics.METRICS_PYPI, "equinox", json, headers);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/projects/equinox/observations").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(headers.get(CloudEventAttributes.HEADER_ID))));
        List<String> reasons = TopicClient.read(Topics.METRICS_DLQ, 3, Duration.ofSeconds(30)).stream()
                .filter(r -> "equinox".equals(r.key())).map(DeadLetterIT::reason).toList();
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0)).startsWith("payload is not JSON");
        assertThat(reasons.get(1)).isEqualTo("missing header ce_id");
        assertThat(reasons.get(2)).isEqualTo("payload observedAt 2026-11-28T08:00:00Z differs from ce_time"
                + " 2026-11-28T07:00:00Z");
        assertThat(Metrics.sum("ecopulse_aggregator_observations_rejected_total")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void rejectsAForeignSubjectAFutureTimeAndAForgedIdWithTheirReasons() {
        String project = "tflite-support";
        Observation foreign = TestObservations.pypi(project, "torch", AT).build();
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Observation future = TestObservations.pypi(project, project, tomorrow).build();
        Observation valid = TestObservations.pypi(project, project, AT).build();
        Map<String, String> forged = new LinkedHashMap<>(ObservationSender.headers(valid));
        forged.put(CloudEventAttributes.HEADER_ID, "00000000-0000-3000-8000-000000000000");

        send(project, foreign, ObservationSender.headers(foreign));
        send(project, future, ObservationSender.headers(future));
        send(project, valid, forged);
        send(project, valid, ObservationSender.headers(valid));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/projects/" + project + "/observations").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(ObservationSender.id(valid))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> reasons = TopicClient.read(Topics.METRICS_DLQ, 1, Duration.ofSeconds(5)).stream()
                    .filter(r -> project.equals(r.key())).map(DeadLetterIT::reason).toList();
            assertThat(reasons).hasSize(3);
            assertThat(reasons.get(0)).isEqualTo("pypi subject 'torch' is not one of project 'tflite-support' in"
                    + " the catalog");
            assertThat(reasons.get(1)).startsWith("observedAt " + tomorrow + " is in the future (more than PT5M"
                    + " ahead of ");
            assertThat(reasons.get(2)).isEqualTo("ce_id '00000000-0000-3000-8000-000000000000' is not the id"
                    + " derived from source, project, subject and time bucket ('" + ObservationSender.id(valid)
                    + "')");
        });
    }

    private static void send(String key, Observation o, Map<String, String> headers) {
        TopicClient.send(o.source().topic(), key, new String(EventJson.write(o), StandardCharsets.UTF_8), headers);
    }

    static String reason(ConsumerRecord<String, String> record) {
        return TopicClient.headers(record).get(CloudEventAttributes.HEADER_DLQ_REASON);
    }
}
