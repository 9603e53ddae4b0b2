package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import com.mongodb.client.MongoClient;
import dev.ecopulse.aggregator.repository.FlowRepository;
import dev.ecopulse.aggregator.scoring.SubjectKey;
import dev.ecopulse.aggregator.service.FlowStore;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A flow another replica stored (written straight into the store here, as that replica would) reaches this replica's
 * flows and its history without a restart, as observations do ({@link ReplicaSyncIT}).
 */
@QuarkusTest
@TestProfile(WithFlows.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class FlowReplicaSyncIT {

    @Inject
    MongoClient client;

    @Inject
    FlowStore flows;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void aFlowStoredByAnotherReplicaReachesThisReplicasFlowsAndHistory() {
        client.getDatabase(database).getCollection(FlowRepository.COLLECTION).insertOne(
                new Document("_id", "pypi|ai-edge-litert|downloads|2026-09-01|2026-09-02")
                        .append("source", "pypi")
                        .append("projectId", "litert")
                        .append("subject", "ai-edge-litert")
                        .append("signal", "downloads")
                        .append("from", "2026-09-01")
                        .append("to", "2026-09-02")
                        .append("count", 4_200L)
                        .append("origin", "backfill")
                        .append("seriesId", "other-replica-series-1")
                        .append("storedAt", new Date()));

        SubjectKey key = new SubjectKey("litert", ObservationSource.PYPI, "ai-edge-litert");
        LocalDate from = LocalDate.parse("2026-09-01");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(flows.snapshot()
                .count(key, "downloads", from, from.plusDays(1)).count()).isEqualTo(4_200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/frameworks/tensorflow/history?from=2026-09-01&to=2026-09-30").then().statusCode(200)
                .body("points.date", hasItem("2026-09-02")));
    }
}
