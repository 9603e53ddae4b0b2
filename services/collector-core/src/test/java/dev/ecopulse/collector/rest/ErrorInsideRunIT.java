package dev.ecopulse.collector.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.ecopulse.collector.run.FakeCollectorControl;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An Error thrown inside a run ends it FAILED with the reason; the next run starts and readiness follows. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ErrorInsideRunIT {

    private static final String KEY = "test-admin-key-0123456789";

    @AfterEach
    void reset() {
        FakeCollectorControl.reset();
    }

    @Test
    void anErrorEndsTheRunAsFailedAndTheNextRunCanStart() {
        FakeCollectorControl.throwInside(new StackOverflowError("recursion in a parser"));
        String failed = start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/collect/" + failed)
                .then().body("state", equalTo("FAILED"))
                .body("failure", equalTo("StackOverflowError: recursion in a parser"))
                .body("finishedAt", org.hamcrest.Matchers.notNullValue()));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'collection' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'collection' }.data.failure",
                        equalTo("StackOverflowError: recursion in a parser"));

        FakeCollectorControl.reset();
        String next = start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/collect/" + next)
                .then().body("state", equalTo("SUCCEEDED")));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("collection"))
                .body("checks.find { it.name == 'collection' }.status", equalTo("UP"));
    }

    @Test
    void anOutOfMemoryErrorEndsTheRunToo() {
        FakeCollectorControl.throwInside(new OutOfMemoryError("Java heap space"));
        String failed = start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/collect/" + failed)
                .then().body("state", equalTo("FAILED")).body("failure", equalTo("OutOfMemoryError: Java heap space")));
        given().get("/api/v1/collect").then().body("[0].runId", equalTo(failed));
        FakeCollectorControl.reset();
        start();
    }

    private static String start() {
        return given().header("X-Api-Key", KEY).post("/api/v1/collect").then().statusCode(202)
                .extract().path("runId");
    }
}
