package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecopulse.aggregator.scoring.Evaluation;
import dev.ecopulse.aggregator.scoring.MethodologyLoader;
import dev.ecopulse.aggregator.scoring.ObservedPoint;
import dev.ecopulse.aggregator.scoring.Scoring;
import dev.ecopulse.aggregator.scoring.SubjectKey;
import dev.ecopulse.aggregator.scoring.SubjectScore;
import dev.ecopulse.aggregator.service.ObservationHistory;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.ScoreChanged;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import dev.ecopulse.testsupport.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Observations of two frameworks go through the real broker and store; the API serves explained scores equal to the
 * pure scoring of those observations, a replay changes nothing, and score changes are announced on the scores topic.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class ScoringPipelineIT {

    static final Instant END = Instant.parse("9999-01-01T00:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void servesExplainedScoresAnnouncesThemAndIgnoresAReplay() throws Exception {
        List<Observation> keras = EcosystemData.keras();
        ObservationSender.send(keras);
        SubjectScore expected = expected(keras).frameworks().get("keras");
        await().atMost(WAIT).untilAsserted(() -> assertServes("keras", expected));

        JsonNode body = framework("keras");
        assertExplanationAddsUp(body.get("maturity"));
        // the last run's gaps are filled from the run five days before: stale, not missing, so coverage stays whole
        assertThat(body.at("/maturity/coverage").asDouble()).isEqualTo(1.0);
        assertThat(body.at("/maturity/gaps").findValuesAsText("reason"))
                .anyMatch(r -> r.contains("tf2onnx: github onnx/tensorflow-onnx contributors carried forward from "
                        + EcosystemData.LAST_RUN.minus(Duration.ofDays(5))));
        // current scores end their windows at the newest data, not at the time asked: downloads grew 7.5 % in 30 days
        // for every package alike (commits stayed flat), so Keras grew while its share of them did not move
        assertThat(body.at("/momentum/trend30").asText()).isEqualTo("steady");
        assertThat(body.at("/momentum/signals/0/days30/growthPercent").asDouble()).isEqualTo(7.53);
        assertThat(body.at("/momentum/index30").asDouble()).isGreaterThan(4.0);
        JsonNode autokeras = given().get("/api/v1/projects/autokeras").then().statusCode(200).extract().as(
                JsonNode.class);
        assertExplanationAddsUp(autokeras.get("maturity"));
        assertThat(autokeras.at("/maturity/gaps").findValuesAsText("kind")).contains("stale");
        assertThat(autokeras.at("/maturity/gaps").findValuesAsText("reason")).anyMatch(r -> r.contains(
                "pypi autokeras pypistats.last30Days carried forward from "
                        + EcosystemData.LAST_RUN.minus(Duration.ofDays(5))));

        assertAnnounced("keras", ScoreChanged.SubjectKind.FRAMEWORK, body.at("/maturity/maturity").asDouble());

        // the same observations again, shuffled: nothing stored twice, the same answer (304 on the same ETag)
        String etag = given().get("/api/v1/frameworks/keras").then().statusCode(200).extract().header("ETag");
        double duplicatesBefore = Metrics.sum("ecopulse_aggregator_observations_duplicates_total");
        List<Observation> replay = new ArrayList<>(keras);
        Collections.shuffle(replay, new Random(11));
        ObservationSender.send(replay);
        await().atMost(WAIT).until(() -> Metrics.sum("ecopulse_aggregator_observations_duplicates_total")
                >= duplicatesBefore + keras.size());
        given().header("If-None-Match", etag).get("/api/v1/frameworks/keras").then().statusCode(304);
        assertStoredOnce(keras);

        // activity of the core project collapses: its maturity drops by more than the epsilon and that is announced
        var collapsed = TestObservations.github("keras-core", "keras-team/keras",
                EcosystemData.LAST_RUN.plus(Duration.ofDays(1)));
        collapsed.stars = 63_600L;
        collapsed.commitsLast90Days = 5L;
        collapsed.issuesClosedLast90Days = 2L;
        ObservationSender.send(List.of(collapsed.build()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(events("keras-core")).anySatisfy(e -> {
            assertThat(e.oldScore()).isNotNull();
            assertThat(e.newScore()).isLessThan(e.oldScore() - 1);
            assertThat(e.dimensionDeltas().get("activity")).isNegative();
            assertThat(e.cause()).contains("github keras-team/keras observed 2026-11-29T06:00:00Z");
        }));
    }

    @Test
    void duplicatedShuffledObservationsStoreAndScoreAsTheOrderedOnes() {
        List<Observation> ordered = EcosystemData.paddle();
        List<Observation> replayed = new ArrayList<>(ordered);
        replayed.addAll(ordered);
        Collections.shuffle(replayed, new Random(5));
        ObservationSender.send(replayed);

        SubjectScore expected = expected(ordered).frameworks().get("paddlepaddle");
        await().atMost(WAIT).untilAsserted(() -> assertServes("paddlepaddle", expected));
        assertStoredOnce(ordered);
        // a late older observation never replaced a newer latest
        Observation last = ordered.stream().filter(o -> o.projectId().equals("paddle")).reduce((a, b) -> b)
                .orElseThrow();
        given().get("/api/v1/projects/paddle").then().statusCode(200)
                .body("latest.github[0].observedAt", org.hamcrest.Matchers.equalTo(last.observedAt().toString()));
        assertExplanationAddsUp(framework("paddlepaddle").get("maturity"));
    }

    /** The API serves what scoring the observations directly gives. */
    static void assertServes(String framework, SubjectScore expected) {
        JsonNode body = framework(framework);
        assertThat((Object) body.get("maturity")).isEqualTo(json(expected.maturity()));
        assertThat(ownGrowth(body.get("momentum"))).isEqualTo(ownGrowth(json(expected.momentum())));
    }

    /**
     * Momentum's own growth: indexes and each window's counts and growth. Shares, the trends that follow them and
     * which signals every framework has depend on the whole catalog, and other tests of this app send data of their
     * own; the pure scoring of this test's observations only knows its own.
     */
    static JsonNode ownGrowth(JsonNode momentum) {
        ObjectNode own = JsonNodeFactory.instance.objectNode();
        own.set("index30", momentum.get("index30"));
        own.set("index90", momentum.get("index90"));
        for (JsonNode s : momentum.get("signals")) {
            for (String window : List.of("days30", "days90")) {
                JsonNode w = s.get(window);
                for (String field : List.of("status", "now", "before", "end", "growthPercent", "logRatio")) {
                    own.set(s.get("signal").asText() + "." + window + "." + field, w.get(field));
                }
            }
        }
        return own;
    }

    /** Each project observation is stored exactly once: per project, the stored ids are the distinct ids sent. */
    static void assertStoredOnce(List<Observation> sent) {
        Map<String, List<String>> byProject = sent.stream().filter(o -> !o.source().frameworkLevel())
                .collect(Collectors.groupingBy(Observation::projectId,
                Collectors.mapping(ObservationSender::id, Collectors.toList())));
        byProject.forEach((project, ids) -> assertThat(given().get("/api/v1/projects/" + project
                + "/observations?limit=500").then().statusCode(200).extract().jsonPath().getList("id", String.class))
                .as(project).containsExactlyInAnyOrderElementsOf(ids.stream().distinct().toList()));
    }

    /** The contributions add up to the score, and each dimension's signals to the dimension's contribution. */
    static void assertExplanationAddsUp(JsonNode maturity) {
        long total = 0;
        for (JsonNode dimension : maturity.get("dimensions")) {
            long signals = 0;
            for (JsonNode signal : dimension.get("signals")) {
                if (signal.has("contribution")) {
                    signals += Math.round(signal.get("contribution").asDouble() * 100);
                    assertThat(signal.has("raw") && signal.has("normalised") && signal.has("observedAt")
                            && signal.has("sources")).as(signal.toString()).isTrue();
                }
            }
            assertThat(signals).isEqualTo(Math.round(dimension.get("contribution").asDouble() * 100));
            total += signals;
        }
        assertThat(total).isEqualTo(Math.round(maturity.get("maturity").asDouble() * 100));
    }

    static void assertAnnounced(String id, ScoreChanged.SubjectKind kind, double maturity) {
        // other tests of this app publish on the same topic: wait for this subject's event, not for any
        List<List<ConsumerRecord<String, String>>> found = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> mine = TopicClient.read(Topics.SCORES, 1, WAIT).stream()
                    .filter(r -> id.equals(r.key())).toList();
            assertThat(mine).isNotEmpty();
            found.add(0, mine);
        });
        List<ConsumerRecord<String, String>> records = found.get(0);
        ConsumerRecord<String, String> last = records.get(records.size() - 1);
        Map<String, String> headers = TopicClient.headers(last);
        ScoreChanged event = read(last);
        assertThat(EventSchemas.validate(CloudEventAttributes.SCORE_CHANGED_TYPE, tree(last.value()))).isEmpty();
        assertThat(headers).containsEntry(CloudEventAttributes.HEADER_TYPE, CloudEventAttributes.SCORE_CHANGED_TYPE)
                .containsEntry(CloudEventAttributes.HEADER_SOURCE, CloudEventAttributes.AGGREGATOR_SOURCE)
                .containsEntry(CloudEventAttributes.HEADER_SUBJECT, id)
                .containsEntry(CloudEventAttributes.HEADER_ID, EventIds.scoreChangeId(kind, id, event.computedAt()));
        assertThat(event.kind()).isEqualTo(kind);
        assertThat(Math.abs(event.newScore() - maturity)).isLessThanOrEqualTo(1.0);
        assertThat(records.get(0).value()).doesNotContain("oldScore");
    }

    static List<ScoreChanged> events(String key) {
        return TopicClient.read(Topics.SCORES, 1, Duration.ofSeconds(5)).stream()
                .filter(r -> key.equals(r.key())).map(ScoringPipelineIT::read).toList();
    }

    static ScoreChanged read(ConsumerRecord<String, String> record) {
        try {
            return EventJson.mapper().readValue(record.value(), ScoreChanged.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Evaluation expected(List<Observation> observations) {
        ObservationHistory history = new ObservationHistory();
        observations.forEach(o -> history.add(new ObservedPoint(ObservationSender.id(o),
                new SubjectKey(o.projectId(), o.source(), o.subject()), o.observedAt(), o)));
        return Scoring.evaluate(CatalogLoader.loadDefault(), MethodologyLoader.loadDefault(), history.snapshot(), END);
    }

    static JsonNode framework(String id) {
        return given().get("/api/v1/frameworks/" + id).then().statusCode(200).extract().as(JsonNode.class);
    }

    static JsonNode json(Object value) {
        return EventJson.mapper().valueToTree(value);
    }

    static JsonNode tree(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
