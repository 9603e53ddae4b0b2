package dev.ecopulse.collector.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.testsupport.TopicClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Runs of the collector under test through its admin API, and what they published on the real broker. */
public final class CollectionRuns {

    private CollectionRuns() {
    }

    /** Starts a run ({@code query} such as {@code "?backfill=true"} or empty) and waits until it succeeded. */
    public static String runToTheEnd(String adminKey, String query) {
        String runId = given().header("X-Api-Key", adminKey).post("/api/v1/collect" + query).then().statusCode(202)
                .extract().path("runId");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/collect/" + runId).then()
                .body("state", equalTo("SUCCEEDED")));
        return runId;
    }

    /** The run's records of one CloudEvents type on {@code topic}, which observations and series share. */
    public static List<ConsumerRecord<String, String>> recordsOf(String topic, String runId, String type, int expected)
            throws Exception {
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            mine.clear();
            // the whole topic for two seconds: earlier runs' records come first
            for (ConsumerRecord<String, String> r : TopicClient.read(topic, Integer.MAX_VALUE, Duration.ofSeconds(2))) {
                if (runId.equals(EventJson.mapper().readTree(r.value()).path("runId").asText())
                        && type.equals(TopicClient.headers(r).get(CloudEventAttributes.HEADER_TYPE))) {
                    mine.add(r);
                }
            }
            return mine.size() >= expected;
        });
        assertThat(mine).hasSize(expected);
        return mine;
    }
}
