package dev.ecopulse.aggregator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * What ingest accepts (how far ahead of this clock an observation may be, how its {@code ce_id} is derived) and how
 * many records it takes at once.
 */
@ConfigMapping(prefix = "ecopulse.ingest")
public interface IngestConfig {

    /** An observation whose {@code observedAt} is later than now plus this is rejected as from the future. */
    @WithDefault("5m")
    Duration maxClockSkew();

    /** The collectors' id bucket ({@code ecopulse.collect.bucket}); ids are checked against it. */
    @WithDefault("1h")
    Duration idBucket();

    /**
     * Most records one poll of the observation topics returns (the Kafka consumer's {@code max.poll.records}): each
     * poll is one batch, validated record by record and stored with one bulk write per collection, then acknowledged.
     */
    @WithDefault("500")
    int maxBatch();
}
