package dev.ecopulse.contract.event;

import java.util.Arrays;
import java.util.Optional;

/** The upstream a collector observes; fixes its topic and CloudEvents type and source. */
public enum ObservationSource {
    GITHUB(Topics.METRICS_GITHUB),
    PYPI(Topics.METRICS_PYPI),
    MAVEN(Topics.METRICS_MAVEN);

    private final String topic;

    ObservationSource(String topic) {
        this.topic = topic;
    }

    /** Lower-case name used in topics, types and URLs, e.g. {@code github}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String topic() {
        return topic;
    }

    /** {@code ce_type}, e.g. {@code dev.ecopulse.github.observation.v1}. */
    public String eventType() {
        return "dev.ecopulse." + id() + ".observation.v1";
    }

    /** {@code ce_source}, e.g. {@code /collectors/github}. */
    public String eventSource() {
        return "/collectors/" + id();
    }

    public static Optional<ObservationSource> fromEventType(String type) {
        return Arrays.stream(values()).filter(s -> s.eventType().equals(type)).findFirst();
    }

    public static Optional<ObservationSource> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
