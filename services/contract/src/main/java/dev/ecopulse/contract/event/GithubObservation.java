package dev.ecopulse.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One repository's health signals ({@code dev.ecopulse.github.observation.v1}). Absent signals are null and listed in
 * {@code missing}. {@code signalObservedAt} holds the time of any signal observed at another time than
 * {@code observedAt} (e.g. after a rate-limit wait).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GithubObservation(
        String projectId,
        String repository,
        Instant observedAt,
        String runId,
        SubjectStatus status,
        String movedTo,
        String via,
        Long stars,
        Long forks,
        Long watchers,
        Long openIssues,
        Long openPullRequests,
        Long issuesClosedLast90Days,
        Long contributors,
        Long commitsLast90Days,
        Long commitsPrevious90Days,
        Long releasesTotal,
        String latestReleaseTag,
        Instant latestReleaseAt,
        Long releasesLast365Days,
        Instant createdAt,
        Instant pushedAt,
        Boolean archived,
        String license,
        String primaryLanguage,
        List<String> topics,
        Map<String, Instant> signalObservedAt,
        List<MissingSignal> missing) implements Observation {

    public GithubObservation {
        topics = topics == null ? null : List.copyOf(topics);
        signalObservedAt = signalObservedAt == null || signalObservedAt.isEmpty() ? null : Map.copyOf(signalObservedAt);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    @Override
    @JsonIgnore
    public ObservationSource source() {
        return ObservationSource.GITHUB;
    }

    @Override
    @JsonIgnore
    public String subject() {
        return repository;
    }
}
