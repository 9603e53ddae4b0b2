package dev.ecopulse.contract.event;

import java.time.Instant;
import java.util.List;

/** What every observation payload has, whatever its source. */
public interface Observation {

    ObservationSource source();

    /**
     * Catalog id of the project, or of the framework for framework-level sources
     * ({@link ObservationSource#frameworkLevel()}); also the record key and {@code ce_subject}.
     */
    String projectId();

    /**
     * The observed thing: repository {@code owner/name}, PyPI or npm package name, Maven {@code groupId:artifactId},
     * or a framework's Hugging Face library tags, Stack Exchange tags or research search.
     */
    String subject();

    Instant observedAt();

    /** Id of the collection run that produced it. */
    String runId();

    SubjectStatus status();

    List<MissingSignal> missing();
}
