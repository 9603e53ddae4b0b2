package dev.ecopulse.contract.event;

import java.util.List;

/** Kafka topic names of the event contract, used by every service and its tests. */
public final class Topics {

    public static final String METRICS_GITHUB = "ecopulse.metrics.github";
    public static final String METRICS_PYPI = "ecopulse.metrics.pypi";
    public static final String METRICS_MAVEN = "ecopulse.metrics.maven";
    public static final String METRICS_NPM = "ecopulse.metrics.npm";
    public static final String METRICS_HUGGINGFACE = "ecopulse.metrics.huggingface";
    public static final String METRICS_STACKEXCHANGE = "ecopulse.metrics.stackexchange";
    public static final String METRICS_RESEARCH = "ecopulse.metrics.research";
    public static final String SCORES = "ecopulse.scores";
    public static final String METRICS_DLQ = "ecopulse.metrics.dlq";

    /** Every topic a collector publishes observations and series on. */
    public static final List<String> METRICS = List.of(METRICS_GITHUB, METRICS_PYPI, METRICS_MAVEN, METRICS_NPM,
            METRICS_HUGGINGFACE, METRICS_STACKEXCHANGE, METRICS_RESEARCH);

    public static final List<String> ALL = List.of(METRICS_GITHUB, METRICS_PYPI, METRICS_MAVEN, METRICS_NPM,
            METRICS_HUGGINGFACE, METRICS_STACKEXCHANGE, METRICS_RESEARCH, SCORES, METRICS_DLQ);

    private Topics() {
    }
}
