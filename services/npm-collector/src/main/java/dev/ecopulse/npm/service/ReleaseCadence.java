package dev.ecopulse.npm.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.npm.client.registry.PublishedVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a package releases, as of one moment, through collector-core's one cadence function. Semver pre-releases
 * ({@code -rc.1}, nightly {@code -dev.20240601}) are not releases: {@code releaseCount} counts the others, as do the
 * cadence and freshness figures; {@code firstReleaseAt} is the first publication of any version, the package's age.
 */
public record ReleaseCadence(
        long releaseCount,
        long releasesLast365Days,
        Instant firstReleaseAt,
        Fetched<Instant> latestReleaseAt,
        Fetched<Double> medianDaysBetweenReleases,
        Fetched<Long> daysSinceLatestRelease) {

    /** @param versions at least one */
    public static ReleaseCadence of(List<PublishedVersion> versions, Instant now) {
        var cadence = dev.ecopulse.collector.release.ReleaseCadence.of(versions.stream()
                .map(v -> new dev.ecopulse.collector.release.ReleaseCadence.Dated(v.publishedAt(), v.preRelease()))
                .toList(), now);
        String onlyPre = "every published version is a pre-release";
        return new ReleaseCadence(cadence.stableReleases(), cadence.releasesLast365Days(), cadence.firstReleaseAt(),
                of(cadence.latestReleaseAt(), onlyPre),
                of(cadence.medianDaysBetweenReleases(), cadence.stableReleases() == 0 ? onlyPre
                        : "a single release has no interval"),
                of(cadence.daysSinceLatestRelease(), onlyPre));
    }

    private static <T> Fetched<T> of(T value, String reason) {
        return Optional.ofNullable(value).map(Fetched::of).orElseGet(() -> Fetched.missing(reason));
    }
}
