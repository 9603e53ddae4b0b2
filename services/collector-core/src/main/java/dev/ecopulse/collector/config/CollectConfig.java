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

    /** Which part of the catalog this replica collects when several replicas of one collector share it. */
    Sharding shard();

    /**
     * File where the conditional-request caches (ETags and what their answers gave) are written at the end of each
     * run and read at start, so a restart still sends {@code If-None-Match}; without it they last as long as the
     * process.
     */
    Optional<Path> etagCache();

    /** The split of the catalog across replicas: replica {@code index} of {@code count} collects its subjects only. */
    interface Sharding {

        /** Replicas sharing the catalog; 1 collects everything. */
        @WithDefault("1")
        int count();

        /** This replica, from 0 to {@code count - 1} (a StatefulSet pod's ordinal). */
        @WithDefault("0")
        int index();
    }
}
