package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.mongodb.client.MongoClient;
import dev.ecopulse.aggregator.repository.ObservationRepository;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * With several aggregator replicas each consumes only its partitions: an observation another replica stored (written
 * straight into the store here, as that replica would) reaches this replica's view and scores without a restart.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class ReplicaSyncIT {

    @Inject
    MongoClient client;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void anObservationStoredByAnotherReplicaReachesThisReplicasView() {
        Instant at = Instant.parse("2026-11-28T06:00:00Z");
        Observation other = TestObservations.github("equinox", "patrick-kidger/equinox", at).stars(2400).build();
        client.getDatabase(database).getCollection(ObservationRepository.COLLECTION).insertOne(
                new Document("_id", "other-replica-equinox-1")
                        .append("source", "github")
                        .append("projectId", "equinox")
                        .append("subject", "patrick-kidger/equinox")
                        .append("observedAt", Date.from(at))
                        .append("receivedAt", new Date())
                        .append("payload", Document.parse(
                                new String(EventJson.write(other), StandardCharsets.UTF_8))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/projects/equinox")
                .then().statusCode(200)
                .body("latest.github", hasSize(1))
                .body("latest.github[0].id", equalTo("other-replica-equinox-1"))
                .body("latest.github[0].payload.stars", equalTo(2400)));
    }
}
