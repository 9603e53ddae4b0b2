package dev.ecopulse.system;

import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.contract.event.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** GitHub observations as the GitHub collector publishes them, for the tests that feed the aggregator directly. */
final class GithubRecords {

    private GithubRecords() {
    }

    /** A producer that waits for every replica's acknowledgement, as the collectors publish. */
    static KafkaProducer<String, String> producer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props);
    }

    /**
     * An observation of the project's repository: stars fall by {@code starsDown} (so scores differ between times),
     * forks and the latest release vary with {@code variant}.
     */
    static GithubObservation observation(Project p, Instant at, String runId, long starsDown, long variant) {
        return new GithubObservation(p.id(), p.github(), at, runId, SubjectStatus.FOUND, null, "graphql",
                5000L + p.id().length() * 1000L - starsDown, 800L + variant % 7, 120L, 300L, 40L, 150L,
                90L + p.id().length(), 400L, 380L, 40L, "v1.0." + (variant % 9), at.minus(Duration.ofDays(10)), 6L,
                Instant.parse("2019-01-01T00:00:00Z"), at, false, "Apache-2.0", "Python", List.of("deep-learning"),
                null, List.of());
    }

    /** The record the GitHub collector sends: keyed by project, with its CloudEvents headers. */
    static ProducerRecord<String, String> record(GithubObservation o) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.METRICS_GITHUB, o.projectId(),
                new String(EventJson.write(o), StandardCharsets.UTF_8));
        headers(o).forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static Map<String, String> headers(GithubObservation o) {
        return Map.of(CloudEventAttributes.HEADER_SPEC_VERSION, CloudEventAttributes.SPEC_VERSION,
                CloudEventAttributes.HEADER_ID, EventIds.observationId(ObservationSource.GITHUB, o.projectId(),
                        o.repository(), o.observedAt(), EventIds.DEFAULT_BUCKET),
                CloudEventAttributes.HEADER_TYPE, ObservationSource.GITHUB.eventType(),
                CloudEventAttributes.HEADER_SOURCE, ObservationSource.GITHUB.eventSource(),
                CloudEventAttributes.HEADER_SUBJECT, o.projectId(),
                CloudEventAttributes.HEADER_TIME, o.observedAt().toString(),
                CloudEventAttributes.HEADER_CONTENT_TYPE, CloudEventAttributes.CONTENT_TYPE);
    }
}
