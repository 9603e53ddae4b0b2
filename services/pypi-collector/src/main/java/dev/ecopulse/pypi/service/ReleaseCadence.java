package dev.ecopulse.pypi.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.pypi.client.pypi.Release;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a package releases, as of one moment, through collector-core's one cadence function. Releases are versions with
 * files, yanked ones left out (they were withdrawn; their count is kept apart). PEP 440 pre-releases and development
 * releases ({@link Pep440#isPreRelease}) count in {@code releaseCount} and {@code firstReleaseAt} but are not releases
 * for cadence and freshness.
 */
public record ReleaseCadence(
        long releaseCount,
        long yankedReleases,
        long releasesLast365Days,
        Fetched<Instant> firstReleaseAt,
        Fetched<Instant> latestReleaseAt,
        Fetched<Double> medianDaysBetweenReleases,
        Fetched<Long> daysSinceLatestRelease) {

    public static ReleaseCadence of(List<Release> releases, Instant now) {
        List<Release> kept = releases.stream().filter(r -> !r.yanked()).toList();
        long yanked = releases.size() - kept.size();
        if (kept.isEmpty()) {
            String reason = releases.isEmpty() ? "PyPI lists no release with files" : "every release is yanked";
            return new ReleaseCadence(0, yanked, 0, Fetched.missing(reason), Fetched.missing(reason),
                    Fetched.missing(reason), Fetched.missing(reason));
        }
        var cadence = dev.ecopulse.collector.release.ReleaseCadence.of(kept.stream()
                .map(r -> new dev.ecopulse.collector.release.ReleaseCadence.Dated(r.releasedAt(),
                        Pep440.isPreRelease(r.version()))).toList(), now);
        String onlyPre = "every release is a pre-release";
        return new ReleaseCadence(kept.size(), yanked, cadence.releasesLast365Days(),
                Fetched.of(cadence.firstReleaseAt()), of(cadence.latestReleaseAt(), onlyPre),
                of(cadence.medianDaysBetweenReleases(), cadence.stableReleases() == 0 ? onlyPre
                        : "a single release has no interval"),
                of(cadence.daysSinceLatestRelease(), onlyPre));
    }

    private static <T> Fetched<T> of(T value, String reason) {
        return Optional.ofNullable(value).map(Fetched::of).orElseGet(() -> Fetched.missing(reason));
    }
}
