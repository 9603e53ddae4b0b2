package dev.ecopulse.aggregator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When scores are recomputed and announced. */
@ConfigMapping(prefix = "ecopulse.scores")
public interface ScoresConfig {

    /** A maturity change larger than this (in points) is published on the scores topic. */
    @WithDefault("1.0")
    double changeEpsilon();

    /** Scores are recomputed once observations have stopped arriving for this long... */
    @WithDefault("500ms")
    Duration refreshQuietPeriod();

    /** ...or at the latest this long after the first unscored observation, during a steady stream. */
    @WithDefault("10s")
    Duration refreshMaxDelay();

    /** How long a score change may wait for Kafka's acknowledgement before it is retried later. */
    @WithDefault("10s")
    Duration publishTimeout();

    /**
     * How often the view picks up observations other aggregator replicas stored, so that every replica scores every
     * observation (each replica consumes only its share of the partitions).
     */
    @WithDefault("30s")
    Duration replicaSyncInterval();

    /** How far back each replica sync looks beyond the last one, to cover clock skew between replicas. */
    @WithDefault("2m")
    Duration replicaSyncOverlap();

    /**
     * Days before the newest one whose late observations are rescored from memory. Memory holds the days scoring reads
     * (188 with the default methodology) plus these; a late observation of an older day is rescored from the store.
     */
    @WithDefault("31")
    int lateDaysInMemory();

    /** Longest range {@code GET /frameworks/{id}/history} answers, in days. */
    @WithDefault("366")
    int historyMaxDays();

    /** Range of {@code GET /frameworks/{id}/history} without {@code from}, in days up to {@code to}. */
    @WithDefault("90")
    int historyDefaultDays();
}
