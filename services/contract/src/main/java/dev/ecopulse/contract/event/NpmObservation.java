package dev.ecopulse.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One npm package of a project ({@code dev.ecopulse.npm.observation.v1}): the JavaScript reach of an ecosystem.
 * Signals are grouped by the upstream they come from: {@code registry} (registry.npmjs.org's package document) and
 * {@code downloads} (api.npmjs.org).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NpmObservation(
        String projectId,
        String packageName,
        Instant observedAt,
        String runId,
        SubjectStatus status,
        Registry registry,
        Downloads downloads,
        List<MissingSignal> missing) implements Observation {

    public NpmObservation {
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /** Versions and their dates from the full registry document ({@code time}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Registry(
            String latestVersion,
            Instant firstReleaseAt,
            Instant latestReleaseAt,
            Long releaseCount,
            Long releasesLast365Days,
            Double medianDaysBetweenReleases,
            Long daysSinceLatestRelease,
            Boolean deprecated,
            String license) {
    }

    /** Downloads from api.npmjs.org; {@code lastMonth} is npm's {@code last-month}: the 30 days before its end. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Downloads(
            Long lastDay,
            Long lastWeek,
            Long lastMonth,
            Long lastYear) {
    }

    @Override
    @JsonIgnore
    public ObservationSource source() {
        return ObservationSource.NPM;
    }

    @Override
    @JsonIgnore
    public String subject() {
        return packageName;
    }
}
