package dev.ecopulse.aggregator.messaging;

import dev.ecopulse.aggregator.config.ScoresConfig;
import dev.ecopulse.aggregator.service.ScoreEvents;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.ScoreChanged;
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
 * Publishes score changes as CloudEvents in binary mode (key = project or framework id, deterministic {@code ce_id})
 * and waits for Kafka's acknowledgement, never longer than the publish timeout.
 */
@ApplicationScoped
public class ScoreEventPublisher implements ScoreEvents {

    private final MutinyEmitter<String> emitter;
    private final ScoresConfig config;

    ScoreEventPublisher(@Channel(Channels.SCORES) MutinyEmitter<String> emitter, ScoresConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    @Override
    public void publish(ScoreChanged event, String id) {
        Message<String> message = Message.of(new String(EventJson.write(event), StandardCharsets.UTF_8),
                Metadata.of(OutgoingCloudEventMetadata.<String>builder()
                        .withId(id)
                        .withType(CloudEventAttributes.SCORE_CHANGED_TYPE)
                        .withSource(URI.create(CloudEventAttributes.AGGREGATOR_SOURCE))
                        .withSubject(event.subjectId())
                        .withTimestamp(event.computedAt().atZone(ZoneOffset.UTC))
                        .withDataContentType(CloudEventAttributes.CONTENT_TYPE)
                        .build(),
                        OutgoingKafkaRecordMetadata.<String>builder().withKey(event.subjectId()).build()));
        try {
            // completes when Kafka acknowledges the record, fails when it refuses it
            emitter.sendMessage(message).await().atMost(config.publishTimeout());
        } catch (TimeoutException e) {
            throw new ScorePublishException("Kafka did not acknowledge the score change of " + event.subjectId()
                    + " within " + config.publishTimeout().toSeconds() + " s", e);
        } catch (RuntimeException e) {
            throw new ScorePublishException("Kafka refused the score change of " + event.subjectId() + ": " + e, e);
        }
    }
}
