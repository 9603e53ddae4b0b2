package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import dev.ecopulse.testsupport.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A collection run during a GitHub outage (every repository's signals missing with the reason) of an upstream that did
 * not change: through the real broker and store, no score moves and no score-change event is published; the
 * explanation says the GitHub values are carried forward.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class FailedRunIT {

    static final Instant GOOD_RUN = Instant.parse("2026-11-20T06:00:00Z");
    static final Instant FAILED_RUN = GOOD_RUN.plus(Duration.ofHours(6));
    // PyTorch projects no other test of this app observes, so nothing else moves the framework meanwhile
    static final List<String> REPOSITORIES = List.of("torchaudio:pytorch/audio",
            "timm:huggingface/pytorch-image-models", "torchserve:pytorch/serve");
    static final Set<String> KEYS = Set.of("pytorch", "torchaudio", "timm", "torchserve");
    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aFailedRunOfAnUnchangedUpstreamMovesNoScoreAndPublishesNoEvent() {
        ObservationSender.send(run(GOOD_RUN, false));
        awaitLatest(GOOD_RUN);
        await().atMost(WAIT).untilAsserted(() -> assertThat(events()).containsAll(KEYS));
        List<String> eventsBefore = settledEvents();
        double before = maturity();

        ObservationSender.send(run(FAILED_RUN, true));
        awaitLatest(FAILED_RUN);

        JsonNode pytorch = given().get("/api/v1/frameworks/pytorch").then().statusCode(200).extract()
                .as(JsonNode.class);
        assertThat(pytorch.at("/maturity/maturity").asDouble()).isEqualTo(before);
        assertThat(pytorch.at("/maturity/gaps").findValuesAsText("kind")).contains("stale");
        JsonNode stars = signal(pytorch, "stars");
        assertThat(stars.get("status").asText()).isEqualTo("stale");
        assertThat(stars.get("observedAt").asText()).isEqualTo(GOOD_RUN.toString());
        assertThat(settledEvents()).isEqualTo(eventsBefore);
    }

    /** Every project's latest GitHub observation is the one of {@code run}; the view holding it holds its scores. */
    static void awaitLatest(Instant run) {
        for (String r : REPOSITORIES) {
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/projects/" + r.split(":")[0]).then()
                    .statusCode(200).body("latest.github[0].observedAt",
                            org.hamcrest.Matchers.equalTo(run.toString())));
        }
    }

    /** The score events of these subjects once two reads in a row (each waits 5 s for more) agree. */
    static List<String> settledEvents() {
        List<String> previous = events();
        for (List<String> now = events(); !now.equals(previous); now = events()) {
            previous = now;
        }
        return previous;
    }

    static List<Observation> run(Instant at, boolean outage) {
        return REPOSITORIES.stream().map(r -> {
            String[] parts = r.split(":");
            var g = TestObservations.github(parts[0], parts[1], at);
            return (Observation) (outage ? g.failed("GitHub answered 502 Bad Gateway three times") : g).build();
        }).toList();
    }

    static double maturity() {
        return given().get("/api/v1/frameworks/pytorch").then().statusCode(200).extract().jsonPath()
                .getDouble("maturity.maturity");
    }

    static List<String> events() {
        return TopicClient.read(Topics.SCORES, 1, Duration.ofSeconds(5)).stream().map(r -> r.key())
                .filter(KEYS::contains).toList();
    }

    static JsonNode signal(JsonNode framework, String id) {
        for (JsonNode d : framework.at("/maturity/dimensions")) {
            for (JsonNode s : d.get("signals")) {
                if (s.get("signal").asText().equals(id)) {
                    return s;
                }
            }
        }
        throw new AssertionError("no signal " + id);
    }
}
