package dev.ecopulse.aggregator.messaging;

import dev.ecopulse.aggregator.service.AggregatorMetrics;
import dev.ecopulse.aggregator.service.IncomingEvent;
import dev.ecopulse.aggregator.service.IncomingObservation;
import dev.ecopulse.aggregator.service.IncomingSeries;
import dev.ecopulse.aggregator.service.InvalidObservationException;
import dev.ecopulse.aggregator.service.ObservationIngest;
import dev.ecopulse.aggregator.service.SeriesIngest;
import dev.ecopulse.contract.event.ObservationSource;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes the observation topics (observations and series events), one record at a time in order. A record is
 * acknowledged only after it is stored (or recognised as stored); an invalid one is rejected to the dead-letter topic
 * with the reason; the store being down holds the stream (the store writes retry with backoff) instead of
 * acknowledging or rejecting anything.
 */
@ApplicationScoped
public class ObservationConsumer {

    private static final Logger LOG = Logger.getLogger(ObservationConsumer.class);

    private final ObservationIngest ingest;
    private final SeriesIngest seriesIngest;
    private final AggregatorMetrics metrics;

    ObservationConsumer(ObservationIngest ingest, SeriesIngest seriesIngest, AggregatorMetrics metrics) {
        this.ingest = ingest;
        this.seriesIngest = seriesIngest;
        this.metrics = metrics;
    }

    @Incoming(Channels.OBSERVATIONS)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        try {
            IncomingEvent event = CloudEventHeaders.read(message);
            if (event instanceof IncomingSeries series) {
                seriesIngest.ingest(series);
            } else {
                ingest.ingest((IncomingObservation) event);
            }
            return message.ack();
        } catch (InvalidObservationException e) {
            String topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getTopic())
                    .orElse("unknown");
            LOG.infof("Event on %s rejected to the dead-letter topic: %s", topic, e.getMessage());
            metrics.rejected(Arrays.stream(ObservationSource.values()).filter(s -> s.topic().equals(topic))
                    .map(ObservationSource::id).findFirst().orElse(null));
            return message.nack(e);
        }
    }
}
