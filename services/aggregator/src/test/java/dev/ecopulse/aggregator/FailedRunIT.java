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
    static final List<String> REPOSITORIES = List.of("jax-core:jax-ml/jax", "flax:google/flax", "optax:google-deepmind/optax");
    static final Set<String> KEYS = Set.of("jax", "jax-core", "flax", "optax");
    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aFailedRunOfAnUnchangedUpstreamMovesNoScoreAndPublishesNoEvent() {
        ObservationSender.send(run(GOOD_RUN, false));
        await().atMost(WAIT).untilAsserted(() -> assertThat(events()).contains("jax"));
        double before = maturity();
        long eventsBefore = events().size();

        ObservationSender.send(run(FAILED_RUN, true));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/projects/flax").then().statusCode(200)
                .body("latest.github[0].observedAt", org.hamcrest.Matchers.equalTo(FAILED_RUN.toString())));

        JsonNode jax = given().get("/api/v1/frameworks/jax").then().statusCode(200).extract().as(JsonNode.class);
        assertThat(jax.at("/maturity/maturity").asDouble()).isEqualTo(before);
        assertThat(jax.at("/maturity/gaps").findValuesAsText("kind")).contains("stale");
        JsonNode stars = signal(jax, "stars");
        assertThat(stars.get("status").asText()).isEqualTo("stale");
        assertThat(stars.get("observedAt").asText()).isEqualTo(GOOD_RUN.toString());
        assertThat(events()).hasSize((int) eventsBefore);
    }

    static List<Observation> run(Instant at, boolean outage) {
        return REPOSITORIES.stream().map(r -> {
            String[] parts = r.split(":");
            var g = TestObservations.github(parts[0], parts[1], at);
            return (Observation) (outage ? g.failed("GitHub answered 502 Bad Gateway three times") : g).build();
        }).toList();
    }

    static double maturity() {
        return given().get("/api/v1/frameworks/jax").then().statusCode(200).extract().jsonPath()
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
