package dev.ecopulse.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One PyPI package of a project ({@code dev.ecopulse.pypi.observation.v1}). Signals are grouped by the upstream they
 * come from: {@code pypi} (JSON and Simple APIs), {@code pypistats}, {@code depsdev}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PypiObservation(
        String projectId,
        String packageName,
        Instant observedAt,
        String runId,
        SubjectStatus status,
        Registry pypi,
        Downloads pypistats,
        DependentCounts depsdev,
        List<MissingSignal> missing) implements Observation {

    public PypiObservation {
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /** Release history and metadata from the PyPI JSON and Simple APIs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Registry(
            String latestVersion,
            Instant firstReleaseAt,
            Instant latestReleaseAt,
            Long releaseCount,
            Long releasesLast365Days,
            Double medianDaysBetweenReleases,
            Long daysSinceLatestRelease,
            Long yankedReleases,
            Integer developmentStatus,
            String developmentStatusLabel,
            String requiresPython,
            Long dependencyCount,
            String license) {
    }

    /** Downloads without mirrors from pypistats.org. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Downloads(
            Long lastDay,
            Long lastWeek,
            Long lastMonth,
            Long last30Days,
            Long previous30Days,
            Long last90Days,
            Long previous90Days) {
    }

    @Override
    @JsonIgnore
    public ObservationSource source() {
        return ObservationSource.PYPI;
    }

    @Override
    @JsonIgnore
    public String subject() {
        return packageName;
    }
}
