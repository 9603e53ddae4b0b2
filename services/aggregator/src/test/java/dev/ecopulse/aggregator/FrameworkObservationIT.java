package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.HuggingfaceObservation;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import dev.ecopulse.testsupport.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Framework-level observations (Hub models, questions, research) and npm packages go through the real broker and
 * store into the explanation and the comparison; one that is not the catalog's goes to the dead letters.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class FrameworkObservationIT {

    @Test
    void theExplanationAndTheComparisonShowModelQuestionResearchAndJavaScriptSignalsWithSources() {
        List<Observation> sent = new java.util.ArrayList<>(EcosystemData.keras());
        sent.addAll(EcosystemData.paddle());
        ObservationSender.send(sent);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode paddle = framework("paddlepaddle");
            assertThat(signal(paddle, "hubModels").get("sources").toString())
                    .contains("huggingface paddlepaddle models.tagged");
            assertThat(signal(paddle, "questions30d").path("raw").asDouble()).isEqualTo(6.0);
            assertThat(signal(paddle, "works365d").get("sources").toString()).contains("research");
            assertThat(signal(paddle, "npmDownloads30d").get("sources").toString())
                    .contains("paddle-js", "onnxruntime (attributed 1.0 %)");
        });
        JsonNode onnxruntime = given().get("/api/v1/projects/onnxruntime").then().statusCode(200).extract()
                .as(JsonNode.class);
        assertThat(signal(onnxruntime, "npmDownloads30d").get("sources").toString())
                .contains("npm onnxruntime-web downloads.lastMonth", "npm onnxruntime-node downloads.lastMonth");
        JsonNode compare = given().get("/api/v1/compare?frameworks=keras,paddlepaddle").then().statusCode(200)
                .extract().as(JsonNode.class);
        // questions: keras 90, paddlepaddle 6 of the catalog's 96 observed
        assertThat(compare.findValues("questions30d").toString()).contains("93.75", "6.25");
        assertThat(compare.toString()).contains("hubModels", "works365d", "topModelsExclusive");
        // the framework's own raw observations: three runs of Stack Exchange, newest first; project sources refused
        JsonNode questions = given().get("/api/v1/frameworks/paddlepaddle/observations?source=stackexchange")
                .then().statusCode(200).extract().as(JsonNode.class);
        assertThat(questions).hasSize(3);
        assertThat(questions.get(0).at("/payload/questions/last30Days").asLong()).isEqualTo(6);
        assertThat(questions.get(0).get("observedAt").asText()).isEqualTo(EcosystemData.LAST_RUN.toString());
        given().get("/api/v1/frameworks/paddlepaddle/observations?source=pypi").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.equalTo("query parameter 'source': 'pypi' is not one of"
                        + " huggingface, stackexchange, research"));
        given().get("/api/v1/frameworks/no-such/observations").then().statusCode(404);
    }

    @Test
    void aFrameworkObservationWithTagsTheCatalogDoesNotGiveIsADeadLetter() {
        HuggingfaceObservation wrong = new HuggingfaceObservation("jax", List.of("flax"), EcosystemData.LAST_RUN,
                "run-x", SubjectStatus.FOUND, new HuggingfaceObservation.Models(10L, 1L, 1L), null, List.of());
        TopicClient.send(Topics.METRICS_HUGGINGFACE, "jax", new String(EventJson.write(wrong),
                StandardCharsets.UTF_8), ObservationSender.headers(wrong));

        // other tests of this application write dead letters too: wait for this one among them
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TopicClient.read(Topics.METRICS_DLQ,
                Integer.MAX_VALUE, Duration.ofSeconds(2)).stream().filter(r -> "jax".equals(r.key()))
                .map(r -> TopicClient.headers(r).get(CloudEventAttributes.HEADER_DLQ_REASON)).toList())
                .singleElement().asString()
                .isEqualTo("huggingface subject 'flax' is not framework 'jax''s in the catalog ('jax')"));
    }

    private static JsonNode framework(String id) {
        return given().get("/api/v1/frameworks/" + id).then().statusCode(200).extract().as(JsonNode.class);
    }

    private static JsonNode signal(JsonNode framework, String id) {
        for (JsonNode d : framework.at("/maturity/dimensions")) {
            for (JsonNode s : d.get("signals")) {
                if (s.get("signal").asText().equals(id)) {
                    return s;
                }
            }
        }
        throw new AssertionError("no signal " + id + " in " + framework.get("id"));
    }
}
