package dev.ecopulse.contract.event;

import java.util.List;

/** Kafka topic names of the event contract, used by every service and its tests. */
public final class Topics {

    public static final String METRICS_GITHUB = "ecopulse.metrics.github";
    public static final String METRICS_PYPI = "ecopulse.metrics.pypi";
    public static final String METRICS_MAVEN = "ecopulse.metrics.maven";
    public static final String SCORES = "ecopulse.scores";
    public static final String METRICS_DLQ = "ecopulse.metrics.dlq";

    public static final List<String> ALL = List.of(METRICS_GITHUB, METRICS_PYPI, METRICS_MAVEN, SCORES, METRICS_DLQ);

    private Topics() {
    }
}
