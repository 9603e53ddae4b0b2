package dev.ecopulse.aggregator.messaging;

import dev.ecopulse.aggregator.config.ScoresConfig;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.ScoreChanged;
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
 * Publishes score changes as CloudEvents in binary mode (key = project or framework id, deterministic {@code ce_id})
 * and waits for Kafka's acknowledgement, never longer than the publish timeout.
 */
@ApplicationScoped
public class ScoreEventPublisher {

    private final Emitter<String> emitter;
    private final ScoresConfig config;

    ScoreEventPublisher(@Channel(Channels.SCORES) Emitter<String> emitter, ScoresConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    public void publish(ScoreChanged event, String id) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<String> message = Message.of(new String(EventJson.write(event), StandardCharsets.UTF_8),
                Metadata.of(OutgoingCloudEventMetadata.<String>builder()
                        .withId(id)
                        .withType(CloudEventAttributes.SCORE_CHANGED_TYPE)
                        .withSource(URI.create(CloudEventAttributes.AGGREGATOR_SOURCE))
                        .withSubject(event.subjectId())
                        .withTimestamp(event.computedAt().atZone(ZoneOffset.UTC))
                        .withDataContentType(CloudEventAttributes.CONTENT_TYPE)
                        .build(),
                        OutgoingKafkaRecordMetadata.<String>builder().withKey(event.subjectId()).build()),
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
            throw new ScorePublishException("interrupted while publishing", e);
        } catch (TimeoutException e) {
            throw new ScorePublishException("Kafka did not acknowledge the score change of " + event.subjectId()
                    + " within " + config.publishTimeout().toSeconds() + " s", e);
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new ScorePublishException("Kafka refused the score change of " + event.subjectId() + ": " + cause,
                    cause);
        }
    }
}
