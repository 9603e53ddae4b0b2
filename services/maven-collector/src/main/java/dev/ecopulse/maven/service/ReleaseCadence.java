package dev.ecopulse.maven.service;

import dev.ecopulse.contract.event.MavenObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.maven.client.VersionRelease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code search} signals from the release time of every version, through collector-core's one cadence function:
 * pre-releases ({@link MavenVersions#isPreRelease}) are left out of cadence and freshness; {@code preReleaseShare}
 * says how many of the versions are pre-releases.
 */
public final class ReleaseCadence {

    /** The computed signals and those that could not be computed, with the reason. */
    public record Result(MavenObservation.Releases releases, List<MissingSignal> missing) {
    }

    private ReleaseCadence() {
    }

    /** @param releases at least one, each version once */
    public static Result of(List<VersionRelease> releases, Instant now) {
        dev.ecopulse.collector.release.ReleaseCadence cadence = dev.ecopulse.collector.release.ReleaseCadence.of(
                releases.stream().map(r -> new dev.ecopulse.collector.release.ReleaseCadence.Dated(r.releasedAt(),
                        MavenVersions.isPreRelease(r.version()))).toList(), now);
        long preReleases = releases.size() - cadence.stableReleases();
        double preReleaseShare = Math.round((double) preReleases / releases.size() * 10_000) / 10_000.0;
        List<MissingSignal> missing = new ArrayList<>();
        if (cadence.latestReleaseAt() == null) {
            String reason = "every version Central search lists is a pre-release";
            missing.add(new MissingSignal("search.latestReleaseAt", reason));
            missing.add(new MissingSignal("search.medianDaysBetweenReleases", reason));
            missing.add(new MissingSignal("search.daysSinceLatestRelease", reason));
        } else if (cadence.medianDaysBetweenReleases() == null) {
            missing.add(new MissingSignal("search.medianDaysBetweenReleases",
                    "needs at least two releases, Central search lists one"));
        }
        return new Result(new MavenObservation.Releases(cadence.firstReleaseAt(), cadence.latestReleaseAt(),
                cadence.releasesLast365Days(), cadence.medianDaysBetweenReleases(), cadence.daysSinceLatestRelease(),
                preReleaseShare), missing);
    }
}
