package dev.ecopulse.contract.event;

import java.time.Instant;
import java.util.List;

/** What every observation payload has, whatever its source. */
public interface Observation {

    ObservationSource source();

    /** Catalog id of the project; also the record key and {@code ce_subject}. */
    String projectId();

    /** The observed thing: repository {@code owner/name}, PyPI package name or Maven {@code groupId:artifactId}. */
    String subject();

    Instant observedAt();

    /** Id of the collection run that produced it. */
    String runId();

    SubjectStatus status();

    List<MissingSignal> missing();
}
