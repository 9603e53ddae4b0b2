package dev.ecopulse.aggregator.messaging;

import dev.ecopulse.aggregator.config.IngestConfig;
import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;

/**
 * Gives the observation consumer its batch size, {@code ecopulse.ingest.max-batch}, as {@code max.poll.records}: in
 * batch mode one poll is one batch. Only the consumer is touched, not the dead-letter producer of the same channel.
 */
@ApplicationScoped
public class ObservationBatchSize implements ClientCustomizer<Map<String, Object>> {

    private final IngestConfig config;

    ObservationBatchSize(IngestConfig config) {
        this.config = config;
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> client) {
        if (Channels.OBSERVATIONS.equals(channel) && client.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
            client.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(config.maxBatch()));
        }
        return client;
    }
}
