package dev.ecopulse.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One Maven artifact of a project ({@code dev.ecopulse.maven.observation.v1}). Signals are grouped by the upstream
 * they come from: {@code repository} (maven-metadata.xml), {@code search} (Central search), {@code depsdev}.
 * Maven Central publishes no download counts, so there are none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MavenObservation(
        String projectId,
        String coordinate,
        Instant observedAt,
        String runId,
        SubjectStatus status,
        Metadata repository,
        Releases search,
        DependentCounts depsdev,
        List<MissingSignal> missing) implements Observation {

    public MavenObservation {
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /**
     * From maven-metadata.xml; the highest versions are computed with Maven's version ordering.
     * {@code highestReleaseVersion} is the highest that is not a pre-release (alpha, beta, milestone, rc, snapshot,
     * preview, dev...): the version whose dependents {@code depsdev} counts.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(Long versionCount, String highestVersion, Instant lastUpdated,
            String highestReleaseVersion) {

        public Metadata(Long versionCount, String highestVersion, Instant lastUpdated) {
            this(versionCount, highestVersion, lastUpdated, null);
        }
    }

    /** From the release timestamps of every version in the Central search API. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Releases(
            Instant firstReleaseAt,
            Instant latestReleaseAt,
            Long releasesLast365Days,
            Double medianDaysBetweenReleases,
            Long daysSinceLatestRelease,
            Double preReleaseShare) {
    }

    @Override
    @JsonIgnore
    public ObservationSource source() {
        return ObservationSource.MAVEN;
    }

    @Override
    @JsonIgnore
    public String subject() {
        return coordinate;
    }
}
