package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.ecopulse.aggregator.repository.LatestObservationRepository;
import dev.ecopulse.aggregator.repository.ObservationRepository;
import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.aggregator.service.IncomingObservation;
import dev.ecopulse.aggregator.service.ObservationIngest;
import dev.ecopulse.aggregator.service.ObservationIngest.BatchStored;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import dev.ecopulse.testsupport.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A batch holding duplicates (of a stored observation and within itself), an observation older than its subject's
 * stored latest and an invalid record: each valid observation is stored once, the newer latest stays, and the invalid
 * record alone goes to the dead letters with its reason.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class BatchIngestIT {

    static final Instant NEWER = Instant.parse("2026-11-28T05:00:00Z");
    static final Instant OLDER = NEWER.minus(Duration.ofHours(3));
    static final Instant PYPI_AT = NEWER.minus(Duration.ofHours(2));

    @Inject
    ObservationIngest ingest;

    @Inject
    ObservationRepository observations;

    @Inject
    LatestObservationRepository latest;

    @Test
    void oneBulkWriteStoresEachObservationOnceAndKeepsTheNewerLatest() {
        // TensorFlow projects no other test of this app observes: Keras and PaddlePaddle are scored exactly elsewhere
        Observation newer = TestObservations.github("tensorflow-datasets", "tensorflow/datasets", NEWER).stars(900)
                .build();
        Observation older = TestObservations.github("tensorflow-datasets", "tensorflow/datasets", OLDER).stars(850)
                .build();
        Observation pypi = TestObservations.pypi("tensorflow-datasets", "tensorflow-datasets", PYPI_AT).build();
        assertThat(ingest.storeAll(List.of(checked(newer)))).isEqualTo(new BatchStored(1, 0, Map.of()));

        BatchStored stored = ingest.storeAll(List.of(checked(older), checked(newer), checked(pypi), checked(pypi)));

        assertThat(stored).isEqualTo(new BatchStored(2, 2, Map.of()));
        assertThat(observations.countByProject("tensorflow-datasets")).isEqualTo(3);
        assertThat(latest.findByProject("tensorflow-datasets"))
                .extracting(StoredObservation::source, StoredObservation::id)
                .containsExactlyInAnyOrder(tuple("github", ObservationSender.id(newer)),
                        tuple("pypi", ObservationSender.id(pypi)));
    }

    @Test
    void aBatchFromKafkaStoresItsValidRecordsOnceAndDeadLettersTheInvalidOneAlone() {
        Observation newer = TestObservations.github("tensorflow-probability", "tensorflow/probability", NEWER)
                .stars(900).build();
        Observation older = TestObservations.github("tensorflow-probability", "tensorflow/probability", OLDER)
                .stars(850).build();
        Observation pypi = TestObservations.pypi("tensorflow-probability", "tensorflow-probability", PYPI_AT).build();
        ObservationSender.send(List.of(newer));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/projects/tensorflow-probability/observations").then().statusCode(200)
                .body("", hasSize(1)));
        double duplicates = Metrics.sum("ecopulse_aggregator_observations_duplicates_total");

        Map<String, String> forged = new LinkedHashMap<>(ObservationSender.headers(pypi));
        forged.put(CloudEventAttributes.HEADER_ID, "00000000-0000-3000-8000-000000000001");
        sendTogether(List.of(record(older, ObservationSender.headers(older)),
                record(newer, ObservationSender.headers(newer)), record(pypi, forged),
                record(pypi, ObservationSender.headers(pypi)), record(pypi, ObservationSender.headers(pypi))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/projects/tensorflow-probability/observations").then().statusCode(200)
                .body("id", containsInAnyOrder(ObservationSender.id(newer), ObservationSender.id(older),
                        ObservationSender.id(pypi))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/projects/tensorflow-probability").then().statusCode(200)
                .body("latest.github[0].id", equalTo(ObservationSender.id(newer)))
                .body("latest.pypi[0].id", equalTo(ObservationSender.id(pypi))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Metrics.sum(
                "ecopulse_aggregator_observations_duplicates_total") >= duplicates + 2);
        List<ConsumerRecord<String, String>> dead = TopicClient.read(Topics.METRICS_DLQ, 1, Duration.ofSeconds(10))
                .stream().filter(r -> "tensorflow-probability".equals(r.key())).toList();
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(DeadLetterIT.reason(r)).isEqualTo("ce_id '00000000-0000-3000-8000-000000000001' is not the"
                    + " id derived from source, project, subject and time bucket ('" + ObservationSender.id(pypi)
                    + "')");
            assertThat(TopicClient.headers(r)).containsEntry("dead-letter-topic", Topics.METRICS_PYPI)
                    .containsEntry(CloudEventAttributes.HEADER_ID, "00000000-0000-3000-8000-000000000001");
        });
    }

    private ObservationIngest.Checked checked(Observation o) {
        return ingest.check(new IncomingObservation(ObservationSender.id(o), o.source(), o.projectId(),
                o.projectId(), o.observedAt(), json(o)));
    }

    private static ProducerRecord<String, String> record(Observation o, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(o.source().topic(), o.projectId(), json(o));
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static String json(Observation o) {
        return new String(EventJson.write(o), StandardCharsets.UTF_8);
    }

    /** Sends the records in one burst (so the consumer likely polls them as one batch) and waits for them all. */
    private static void sendTogether(List<ProducerRecord<String, String>> records) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            records.forEach(r -> sent.add(producer.send(r)));
            for (Future<RecordMetadata> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send the batch", e);
        }
    }
}
