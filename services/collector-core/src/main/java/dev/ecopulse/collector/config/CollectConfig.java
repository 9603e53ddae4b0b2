package dev.ecopulse.collector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** When collection runs happen and how long publishing may take. */
@ConfigMapping(prefix = "ecopulse.collect")
public interface CollectConfig {

    /** Time between scheduled runs. */
    @WithDefault("6h")
    Duration interval();

    /** Whether a run starts as soon as the service is up. */
    @WithDefault("true")
    boolean onStart();

    /** Longest wait for Kafka to acknowledge one observation before the run ends as failed. */
    @WithDefault("15s")
    Duration publishTimeout();

    /** Observations of one subject within one bucket share their {@code ce_id} and count once. */
    @WithDefault("1h")
    Duration bucket();

    /**
     * File listing the subjects already backfilled, kept across restarts; without it a restart backfills every
     * subject once more (harmless, but it spends upstream requests).
     */
    Optional<Path> backfillLedger();

    /** How many finished runs stay visible at {@code /api/v1/collect}. */
    @WithDefault("20")
    int history();
}
