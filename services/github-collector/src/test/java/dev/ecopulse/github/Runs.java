package dev.ecopulse.github;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.ecopulse.collector.run.BackfillLedger;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.TopicClient;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Starting a run over the API, waiting for its end, and reading what it published to the topic. */
public final class Runs {

    public static final String ADMIN_KEY = "test-admin-key-0123456789";

    private Runs() {
    }

    public static String start() {
        return given().header("X-Api-Key", ADMIN_KEY).post("/api/v1/collect").then().statusCode(202).extract()
                .path("runId");
    }

    /** A run that reads every repository's past too ({@code ?backfill=true}). */
    public static String startBackfill() {
        return given().header("X-Api-Key", ADMIN_KEY).queryParam("backfill", true).post("/api/v1/collect").then()
                .statusCode(202).extract().path("runId");
    }

    /**
     * Records every catalog repository as backfilled, so that a plain run reads only the recent windows whichever
     * test ran first in this application.
     */
    public static void backfilled(BackfillLedger ledger) {
        GithubStubs.TARGETS.forEach(ledger::record);
    }

    /** The run's summary once it has ended. */
    public static JsonPath finished(String runId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !"RUNNING".equals(given().get("/api/v1/collect/" + runId).then().extract()
                        .path("state")));
        return given().get("/api/v1/collect/" + runId).then().statusCode(200).extract().jsonPath();
    }

    /** The observations the run published on {@code ecopulse.metrics.github}, read until {@code expected} are there. */
    public static List<ConsumerRecord<String, String>> events(String runId, int expected) {
        return records(runId, expected, ObservationSource.GITHUB.eventType());
    }

    /** The series events the run published, read until {@code expected} are there. */
    public static List<ConsumerRecord<String, String>> seriesEvents(String runId, int expected) {
        return records(runId, expected, SeriesObservation.eventType(ObservationSource.GITHUB));
    }

    /** Every event the run published, observations and series, in the topic's order. */
    public static List<ConsumerRecord<String, String>> allEvents(String runId, int expected) {
        return records(runId, expected, null);
    }

    private static List<ConsumerRecord<String, String>> records(String runId, int expected, String type) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "github-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(Topics.METRICS_GITHUB));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (mine.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (ofRun(r, runId, type)) {
                        mine.add(r);
                    }
                }
            }
            // anything beyond the expected would be a duplicate: one more short poll to see it
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                if (ofRun(r, runId, type)) {
                    mine.add(r);
                }
            }
        }
        return mine;
    }

    private static boolean ofRun(ConsumerRecord<String, String> record, String runId, String type) {
        return (type == null || type.equals(TopicClient.headers(record).get(CloudEventAttributes.HEADER_TYPE)))
                && runId.equals(observation(record).runId());
    }

    public static SeriesObservation series(ConsumerRecord<String, String> record) {
        try {
            return EventJson.mapper().readValue(record.value(), SeriesObservation.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The series of {@code projectId} among {@code records}, if the run sent one. */
    public static Optional<SeriesObservation> seriesOf(List<ConsumerRecord<String, String>> records,
            String projectId) {
        return records.stream().filter(r -> r.key().equals(projectId)).map(Runs::series).findFirst();
    }

    public static GithubObservation observation(ConsumerRecord<String, String> record) {
        try {
            return EventJson.mapper().readValue(record.value(), GithubObservation.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GithubObservation of(List<ConsumerRecord<String, String>> records, String projectId) {
        return records.stream().filter(r -> r.key().equals(projectId)).map(Runs::observation).findFirst()
                .orElseThrow(() -> new AssertionError("no observation of " + projectId));
    }
}
