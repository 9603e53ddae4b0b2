package dev.ecopulse.collector.messaging;

import dev.ecopulse.collector.config.CollectConfig;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.SeriesObservation;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Publishes observations as CloudEvents in binary mode (key = project id, deterministic {@code ce_id}) and waits for
 * Kafka's acknowledgement, never longer than the publish timeout: a run must not hang on an unreachable broker.
 */
@ApplicationScoped
public class ObservationPublisher {

    private final MutinyEmitter<String> emitter;
    private final CollectConfig config;
    private final MeterRegistry registry;

    ObservationPublisher(@Channel(CollectorChannels.OBSERVATIONS) MutinyEmitter<String> emitter, CollectConfig config,
            MeterRegistry registry) {
        this.emitter = emitter;
        this.config = config;
        this.registry = registry;
    }

    public void publish(Observation observation) {
        send(EventJson.write(observation), cloudEvent(observation), observation.projectId(), "an observation");
        registry.counter("ecopulse.collector.events.published", "source", observation.source().id(), "kind",
                "observation").increment();
    }

    /** Publishes a subject's dated flows on the source's topic, keyed by project like its observations. */
    public void publishSeries(SeriesObservation series) {
        send(EventJson.write(series), OutgoingCloudEventMetadata.<String>builder()
                .withId(EventIds.seriesId(series))
                .withType(series.eventType())
                .withSource(URI.create(series.observationSource().eventSource()))
                .withSubject(series.projectId())
                .withTimestamp(series.observedAt().atZone(ZoneOffset.UTC))
                .withDataContentType(CloudEventAttributes.CONTENT_TYPE)
                .build(), series.projectId(), "a series");
        registry.counter("ecopulse.collector.events.published", "source", series.source(), "kind", "series")
                .increment();
    }

    private void send(byte[] payload, OutgoingCloudEventMetadata<String> cloudEvent, String projectId, String what) {
        Message<String> message = Message.of(new String(payload, StandardCharsets.UTF_8),
                Metadata.of(cloudEvent, OutgoingKafkaRecordMetadata.<String>builder().withKey(projectId).build()));
        try {
            // completes when Kafka acknowledges the record, fails when it refuses it
            emitter.sendMessage(message).await().atMost(config.publishTimeout());
        } catch (TimeoutException e) {
            throw new PublishException("Kafka did not acknowledge " + what + " of " + projectId + " within "
                    + config.publishTimeout().toSeconds() + " s", e);
        } catch (RuntimeException e) {
            throw new PublishException("Kafka refused " + what + " of " + projectId + ": " + e, e);
        }
    }

    private OutgoingCloudEventMetadata<String> cloudEvent(Observation o) {
        return OutgoingCloudEventMetadata.<String>builder()
                .withId(EventIds.observationId(o.source(), o.projectId(), o.subject(), o.observedAt(),
                        config.bucket()))
                .withType(o.source().eventType())
                .withSource(URI.create(o.source().eventSource()))
                .withSubject(o.projectId())
                .withTimestamp(o.observedAt().atZone(ZoneOffset.UTC))
                .withDataContentType(CloudEventAttributes.CONTENT_TYPE)
                .build();
    }
}
