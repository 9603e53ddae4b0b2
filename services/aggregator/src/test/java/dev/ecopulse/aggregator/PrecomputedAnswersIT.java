package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Answers served from the view are serialised once per view version: each carries a strong ETag of its own bytes,
 * which stays while the answer does (a replay, other answers changing) and moves with the first rescore that changes
 * it.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class PrecomputedAnswersIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Instant FIRST = Instant.parse("2026-11-20T06:00:00Z");
    static final String EXECUTORCH = "/api/v1/projects/executorch";

    @Test
    void eachAnswerHasAStrongETagOfItsOwnThatAnUnchangedAnswerKeeps() {
        List<String> paths = List.of("/api/v1/frameworks", "/api/v1/frameworks/jax", "/api/v1/frameworks/keras",
                "/api/v1/compare?frameworks=jax,keras", "/api/v1/projects/flax", "/api/v1/methodology");
        List<String> tags = paths.stream().map(p -> given().get(p).then().statusCode(200)
                .contentType("application/json").extract().header("ETag")).toList();

        assertThat(tags).allSatisfy(tag -> assertThat(tag).matches("\"[0-9a-f]{24}\"")).doesNotHaveDuplicates();
        for (String path : paths) {
            Response first = given().get(path);
            Response again = given().get(path);
            if (first.header("ETag").equals(again.header("ETag"))) {
                assertThat(again.asByteArray()).isEqualTo(first.asByteArray());
            }
        }
    }

    @Test
    void aProjectsAnswerKeepsItsETagUntilTheRescoreThatChangesIt() {
        ObservationSender.send(List.of(TestObservations.github("executorch", "pytorch/executorch", FIRST)
                .stars(3_000).build()));
        await().atMost(WAIT).untilAsserted(() -> given().get(EXECUTORCH).then().statusCode(200)
                .body("latest.github[0].payload.stars", equalTo(3_000)));
        Response before = given().get(EXECUTORCH);
        String tag = before.header("ETag");
        given().header("If-None-Match", tag).get(EXECUTORCH).then().statusCode(304).header("ETag", tag);

        // a replay (stores nothing new), then a newer run: polled throughout, the ETag moves exactly when the bytes
        // do, so never before the rescore that changes them
        ObservationSender.send(List.of(TestObservations.github("executorch", "pytorch/executorch", FIRST)
                .stars(3_000).build()));
        ObservationSender.send(List.of(TestObservations.github("executorch", "pytorch/executorch",
                FIRST.plus(Duration.ofDays(1))).stars(3_500).build()));
        Response[] previous = {before};
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            Response now = given().get(EXECUTORCH);
            boolean sameBytes = now.asString().equals(previous[0].asString());
            assertThat(now.header("ETag").equals(previous[0].header("ETag")))
                    .as("ETag %s after %s, same bytes: %s", now.header("ETag"), previous[0].header("ETag"), sameBytes)
                    .isEqualTo(sameBytes);
            previous[0] = now;
            return now.jsonPath().getInt("latest.github[0].payload.stars") == 3_500;
        });

        Response after = given().get(EXECUTORCH);
        assertThat(after.jsonPath().getInt("latest.github[0].payload.stars")).isEqualTo(3_500);
        String changed = after.header("ETag");
        given().header("If-None-Match", tag).get(EXECUTORCH).then().statusCode(200).header("ETag", changed);
        given().header("If-None-Match", changed).get(EXECUTORCH).then().statusCode(304).header("ETag", changed);
    }
}
