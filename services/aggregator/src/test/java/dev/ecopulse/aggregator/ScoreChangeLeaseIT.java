package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.ecopulse.aggregator.repository.LeaseRepository;
import dev.ecopulse.aggregator.repository.PublishedScoreRepository;
import dev.ecopulse.aggregator.repository.PublishedScoreRepository.PublishedScore;
import dev.ecopulse.aggregator.scoring.Level;
import dev.ecopulse.aggregator.service.ScoreChangeLease;
import dev.ecopulse.aggregator.service.ScoreChangeLease.Change;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The score-change lease on the real store: two holders never hold it at once, even when they race for it, and one
 * takes over when the other's lease expires or is released. And the running aggregator publishes only while it holds
 * the lease; when it takes the lease over it announces nothing the previous holder already announced.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class ScoreChangeLeaseIT {

    @Inject
    MongoClient client;

    @Inject
    PublishedScoreRepository published;

    @Inject
    ScoreChangeLease lease;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    private MongoCollection<Document> collection(String name) {
        return client.getDatabase(database).getCollection(name);
    }

    /** A replica's lease over its own collection, so the running aggregator's lease is left alone. */
    private static ScoreChangeLease holder(MongoCollection<Document> leases, String replica, Duration duration) {
        return new ScoreChangeLease(new LeaseRepository(leases), replica, duration, Clock.systemUTC());
    }

    @Test
    void oneOfTwoHoldersHoldsTheLeaseAndTheOtherTakesItOverWhenItExpires() {
        MongoCollection<Document> leases = collection("leases_two_holders");
        ScoreChangeLease a = holder(leases, "replica-a", Duration.ofSeconds(1));
        ScoreChangeLease b = holder(leases, "replica-b", Duration.ofSeconds(1));

        assertThat(a.renew()).isEqualTo(Change.GAINED);
        assertThat(b.renew()).isEqualTo(Change.NONE);
        assertThat(a.renew()).isEqualTo(Change.KEPT);
        assertThat(leases.find(Filters.eq("_id", ScoreChangeLease.NAME)).first().getString("holder"))
                .isEqualTo("replica-a");

        // a stops renewing (killed): b gets the lease once a's has expired, and a knows it lost it
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> b.renew() == Change.GAINED);
        assertThat(a.held()).isFalse();
        assertThat(a.renew()).isEqualTo(Change.LOST);
        assertThat(b.held()).isTrue();

        b.release();
        assertThat(a.renew()).as("a released lease is taken at once").isEqualTo(Change.GAINED);
        assertThat(b.renew()).isEqualTo(Change.NONE);
    }

    @Test
    void holdersRacingForAFreeLeaseNeverBothGetIt() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 20; round++) {
                MongoCollection<Document> leases = collection("leases_race");
                leases.deleteMany(new Document());
                List<Callable<Change>> replicas = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    ScoreChangeLease lease = holder(leases, "replica-" + r, Duration.ofSeconds(30));
                    replicas.add(lease::renew);
                }
                List<Change> changes = new ArrayList<>();
                for (Future<Change> f : threads.invokeAll(replicas)) {
                    changes.add(f.get());
                }
                assertThat(changes).as("round " + round).containsOnlyOnce(Change.GAINED)
                        .filteredOn(c -> c != Change.GAINED).containsOnly(Change.NONE);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theAggregatorPublishesOnlyWhileItHoldsTheLeaseAndNothingTheFormerHolderPublished() throws Exception {
        MongoCollection<Document> leases = collection(LeaseRepository.COLLECTION);
        // older than the data of the other tests sharing this app: never the newest data their windows end at
        Instant at = Instant.parse("2026-11-20T05:00:00Z");
        try {
            // another replica holds the lease
            leases.replaceOne(Filters.eq("_id", ScoreChangeLease.NAME), new Document("_id", ScoreChangeLease.NAME)
                    .append("holder", "other-replica").append("expiresAt", Date.from(Instant.now().plusSeconds(600))),
                    new ReplaceOptions().upsert(true));
            await().atMost(Duration.ofSeconds(10)).until(() -> !lease.held());
            // readiness says who publishes (it waits for the Kafka checks too, hence the longer wait)
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .body("checks.find { it.name == 'aggregator score-change publisher' }.data.leaseHolder",
                            equalTo("other-replica"))
                    .body("checks.find { it.name == 'aggregator score-change publisher' }.data.publishing",
                            equalTo(false)));

            ObservationSender.send(List.of(
                    TestObservations.github("tensorflow-serving", "tensorflow/serving", at).stars(3100).build(),
                    TestObservations.github("litert", "google-ai-edge/LiteRT", at).stars(4200).build()));
            double tensorflowServing = awaitMaturity("tensorflow-serving");
            awaitMaturity("litert");
            Thread.sleep(2000); // a refresh that published would have done so by now
            assertThat(events("tensorflow-serving")).as("published while another replica holds the lease").isEmpty();
            assertThat(events("litert")).isEmpty();

            // the other replica announced TensorFlow Serving's score before it went away
            published.save(new PublishedScore(Level.PROJECT, "tensorflow-serving", tensorflowServing, Map.of(), at,
                    "by-other"));
            leases.updateOne(Filters.eq("_id", ScoreChangeLease.NAME),
                    Updates.set("expiresAt", Date.from(Instant.now().minusSeconds(1))));

            await().atMost(Duration.ofSeconds(20)).until(() -> !events("litert").isEmpty());
            assertThat(events("litert")).as("litert's first score, once").hasSize(1);
            assertThat(events("tensorflow-serving")).as("announced by the former holder").isEmpty();
            assertThat(leases.find(Filters.eq("_id", ScoreChangeLease.NAME)).first().getString("holder"))
                    .isNotEqualTo("other-replica");
        } finally {
            leases.updateOne(Filters.and(Filters.eq("_id", ScoreChangeLease.NAME), Filters.eq("holder",
                    "other-replica")), Updates.set("expiresAt", new Date(0)));
        }
    }

    private static double awaitMaturity(String project) {
        Float[] maturity = new Float[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            maturity[0] = given().get("/api/v1/projects/" + project).then().statusCode(200)
                    .extract().path("maturity.maturity");
            assertThat(maturity[0]).isNotNull();
        });
        return maturity[0];
    }

    /** Every score change of {@code key} on the topic so far (read up to the end offsets, so none is missed). */
    private static List<ConsumerRecord<String, String>> events(String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SCORES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }
}
