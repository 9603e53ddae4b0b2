package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.PypiObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import dev.ecopulse.testsupport.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Observations go through the real broker into the store (through the MongoDB driver) and out over REST. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class ObservationPipelineIT {

    @Test
    void storesAnObservationOnceAndServesItOverRest() {
        Instant observedAt = Instant.parse("2026-11-28T09:00:00Z");
        String json = new String(EventJson.write(pypi("flax", "flax", observedAt)), StandardCharsets.UTF_8);
        Map<String, String> headers = headers(ObservationSource.PYPI, "flax", "flax", observedAt);

        TopicClient.send(Topics.METRICS_PYPI, "flax", json, headers);
        TopicClient.send(Topics.METRICS_PYPI, "flax", json, headers); // redelivered: counted once

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/projects/flax/observations?source=pypi")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(headers.get(CloudEventAttributes.HEADER_ID)))
                .body("[0].subject", equalTo("flax"))
                .body("[0].payload.pypi.latestVersion", equalTo("0.12.1")));
        // the duplicate had its turn: a later observation is stored after it, and still only one copy of the first
        Instant later = observedAt.plus(Duration.ofHours(6));
        TopicClient.send(Topics.METRICS_PYPI, "flax",
                new String(EventJson.write(pypi("flax", "flax", later)), StandardCharsets.UTF_8),
                headers(ObservationSource.PYPI, "flax", "flax", later));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/projects/flax/observations")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].observedAt", equalTo("2026-11-28T15:00:00Z")));
    }

    @Test
    void pagesTheHistoryByCursorAcrossObservationsOfTheSameTime() {
        String project = "torchrl";
        List<Observation> sent = new ArrayList<>();
        for (int hour = 1; hour <= 3; hour++) {
            Instant at = Instant.parse("2026-10-01T00:00:00Z").plus(Duration.ofHours(hour));
            sent.add(TestObservations.pypi(project, "torchrl", at).build());
            sent.add(TestObservations.github(project, "pytorch/rl", at).build());
        }
        ObservationSender.send(sent);
        String first = "/api/v1/projects/" + project + "/observations";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(first + "?limit=500")
                .then().statusCode(200).body("", hasSize(6)));
        List<String> all = given().get(first + "?limit=500").then().extract().jsonPath().getList("id");

        List<String> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String next = first + "?limit=4";
        while (next != null) {
            Response page = given().get(next);
            page.then().statusCode(200);
            List<String> ids = page.jsonPath().getList("id");
            paged.addAll(ids);
            sizes.add(ids.size());
            next = nextLink(page.header("Link"));
            if (ids.size() == 4) {
                assertThat(next).as("a full page links to the next").contains("cursor=").doesNotContain("offset");
            }
        }
        assertThat(sizes).containsExactly(4, 2);
        assertThat(paged).isEqualTo(all).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(ObservationSender::id).toList());
    }

    static String nextLink(String link) {
        if (link == null) {
            return null;
        }
        Matcher m = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"").matcher(link);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void rejectsAnObservationThatBreaksTheSchemaToTheDeadLetterTopicWithItsReason() {
        Instant observedAt = Instant.parse("2026-11-28T10:00:00Z");
        String broken = "{\"projectId\":\"optax\",\"packageName\":\"optax\",\"observedAt\":\"2026-11-28T10:00:00Z\"}";

        TopicClient.send(Topics.METRICS_PYPI, "optax", broken,
                headers(ObservationSource.PYPI, "optax", "optax", observedAt));

        // other tests of the same app write to the dead-letter topic too: keep this project's records
        List<ConsumerRecord<String, String>> dead = TopicClient.read(Topics.METRICS_DLQ, 1, Duration.ofSeconds(30))
                .stream().filter(r -> "optax".equals(r.key())).toList();
        assertThat(dead).hasSize(1);
        assertThat(TopicClient.headers(dead.get(0)).get(CloudEventAttributes.HEADER_DLQ_REASON))
                .contains("schema").contains("runId");
        given().get("/api/v1/projects/optax/observations").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void answersUnknownProjectsAndBadParametersWithProblems() {
        given().get("/api/v1/projects/no-such-project/observations")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("no project 'no-such-project' in the catalog"));
        given().get("/api/v1/projects/flax/observations?source=huggingface")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("query parameter 'source': 'huggingface' is not one of github, pypi, maven, npm"));
        given().get("/api/v1/projects/flax/observations?limit=0")
                .then().statusCode(400).body("detail", equalTo(
                        "query parameter 'limit': must be a whole number from 1 to 500, got '0'"));
    }

    static PypiObservation pypi(String projectId, String packageName, Instant observedAt) {
        return new PypiObservation(projectId, packageName, observedAt, "run-1", SubjectStatus.FOUND,
                new PypiObservation.Registry("0.12.1", null, null, 40L, 6L, null, null, null, 4, "Beta", ">=3.10",
                        8L, "Apache-2.0"),
                null, null, List.of());
    }

    static Map<String, String> headers(ObservationSource source, String projectId, String subject, Instant time) {
        return Map.of(CloudEventAttributes.HEADER_SPEC_VERSION, CloudEventAttributes.SPEC_VERSION,
                CloudEventAttributes.HEADER_ID,
                EventIds.observationId(source, projectId, subject, time, EventIds.DEFAULT_BUCKET),
                CloudEventAttributes.HEADER_TYPE, source.eventType(),
                CloudEventAttributes.HEADER_SOURCE, source.eventSource(),
                CloudEventAttributes.HEADER_SUBJECT, projectId,
                CloudEventAttributes.HEADER_TIME, time.toString(),
                CloudEventAttributes.HEADER_CONTENT_TYPE, CloudEventAttributes.CONTENT_TYPE);
    }
}
