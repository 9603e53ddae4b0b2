package dev.ecopulse.contract.event;

import java.util.Arrays;
import java.util.Optional;

/**
 * The upstream a collector observes; fixes its topic, CloudEvents type and source, and whether its observations are
 * about a catalog project (a repository, a package) or about a whole framework (a model-hub library tag, a question
 * tag, a research search).
 */
public enum ObservationSource {
    GITHUB(Topics.METRICS_GITHUB, Level.PROJECT),
    PYPI(Topics.METRICS_PYPI, Level.PROJECT),
    MAVEN(Topics.METRICS_MAVEN, Level.PROJECT),
    NPM(Topics.METRICS_NPM, Level.PROJECT),
    HUGGINGFACE(Topics.METRICS_HUGGINGFACE, Level.FRAMEWORK),
    STACKEXCHANGE(Topics.METRICS_STACKEXCHANGE, Level.FRAMEWORK),
    RESEARCH(Topics.METRICS_RESEARCH, Level.FRAMEWORK);

    /** What an observation's key ({@link Observation#projectId()}) names: a catalog project or a framework. */
    public enum Level {
        PROJECT,
        FRAMEWORK
    }

    private final String topic;
    private final Level level;

    ObservationSource(String topic, Level level) {
        this.topic = topic;
        this.level = level;
    }

    /** Lower-case name used in topics, types and URLs, e.g. {@code github}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String topic() {
        return topic;
    }

    public Level level() {
        return level;
    }

    /** True when observations are keyed by framework id (Hugging Face, Stack Exchange, research). */
    public boolean frameworkLevel() {
        return level == Level.FRAMEWORK;
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
