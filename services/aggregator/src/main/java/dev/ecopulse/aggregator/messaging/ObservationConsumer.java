package dev.ecopulse.aggregator.messaging;

import dev.ecopulse.aggregator.service.InvalidObservationException;
import dev.ecopulse.aggregator.service.ObservationIngest;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes the observation topics. A record is acknowledged only after it is stored (or recognised as stored); an
 * invalid one is rejected to the dead-letter topic with the reason; the store being down holds the stream instead.
 */
@ApplicationScoped
public class ObservationConsumer {

    private final ObservationIngest ingest;

    ObservationConsumer(ObservationIngest ingest) {
        this.ingest = ingest;
    }

    @Incoming(Channels.OBSERVATIONS)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        try {
            ingest.ingest(CloudEventHeaders.read(message));
            return message.ack();
        } catch (InvalidObservationException e) {
            return message.nack(e);
        }
    }
}
