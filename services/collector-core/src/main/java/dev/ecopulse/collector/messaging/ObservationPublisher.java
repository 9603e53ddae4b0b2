package dev.ecopulse.collector.messaging;

import dev.ecopulse.collector.config.CollectConfig;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Observation;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Publishes observations as CloudEvents in binary mode (key = project id, deterministic {@code ce_id}) and waits for
 * Kafka's acknowledgement, never longer than the publish timeout: a run must not hang on an unreachable broker.
 */
@ApplicationScoped
public class ObservationPublisher {

    private final Emitter<String> emitter;
    private final CollectConfig config;
    private final MeterRegistry registry;

    ObservationPublisher(@Channel(CollectorChannels.OBSERVATIONS) Emitter<String> emitter, CollectConfig config,
            MeterRegistry registry) {
        this.emitter = emitter;
        this.config = config;
        this.registry = registry;
    }

    public void publish(Observation observation) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<String> message = Message.of(new String(EventJson.write(observation), StandardCharsets.UTF_8),
                Metadata.of(cloudEvent(observation), OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(observation.projectId()).build()),
                () -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
            acknowledged.get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing", e);
        } catch (TimeoutException e) {
            throw new PublishException("Kafka did not acknowledge an observation of " + observation.projectId()
                    + " within " + config.publishTimeout().toSeconds() + " s", e);
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new PublishException("Kafka refused an observation of " + observation.projectId() + ": " + cause,
                    cause);
        }
        registry.counter("ecopulse.collector.events.published", "source", observation.source().id()).increment();
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
