package dev.ecopulse.collector.run;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ecopulse.testsupport.FreePorts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no broker to talk to, a run ends as failed within the publish bound and readiness goes down; liveness stays. */
@QuarkusTest
@TestProfile(KafkaUnreachableIT.NoBroker.class)
class KafkaUnreachableIT {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + FreePorts.next(),
                    "ecopulse.collect.publish-timeout", "3s");
        }
    }

    @Test
    void runFailsInBoundedTimeAndReadinessGoesDown() {
        String runId = given().header("X-Api-Key", "test-admin-key-0123456789").post("/api/v1/collect").then()
                .statusCode(202).extract().path("runId");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/collect/" + runId)
                .then().body("state", equalTo("FAILED"))
                .body("failure", containsString("publishing to Kafka failed"))
                .body("failed", equalTo(3)));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'collection' }.status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
    }
}
