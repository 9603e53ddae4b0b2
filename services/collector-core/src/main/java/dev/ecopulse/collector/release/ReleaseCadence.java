package dev.ecopulse.collector.release;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How a package releases, as of one moment: the one cadence function every collector uses. Pre-releases are not
 * releases for cadence and freshness: {@code latestReleaseAt}, {@code releasesLast365Days},
 * {@code medianDaysBetweenReleases} and {@code daysSinceLatestRelease} count stable releases only (null when there is
 * none); {@code firstReleaseAt} is the first publication of any kind, the package's age.
 *
 * @param medianDaysBetweenReleases median gap between the last {@value #MEDIAN_WINDOW} stable releases, in days to
 *     two decimals; null with fewer than two
 */
public record ReleaseCadence(Instant firstReleaseAt, Instant latestReleaseAt, long releasesLast365Days,
        Double medianDaysBetweenReleases, Long daysSinceLatestRelease, long stableReleases) {

    /** One published version: when, and whether it is a pre-release in its registry's terms. */
    public record Dated(Instant releasedAt, boolean preRelease) {
    }

    /** The median is taken over this many latest stable releases (so this many minus one gaps). */
    public static final int MEDIAN_WINDOW = 10;
    public static final Duration YEAR = Duration.ofDays(365);

    private static final double MILLIS_PER_DAY = 86_400_000d;

    /** @param versions at least one, each version once */
    public static ReleaseCadence of(Collection<Dated> versions, Instant now) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no releases");
        }
        Instant first = versions.stream().map(Dated::releasedAt).min(Instant::compareTo).orElseThrow();
        List<Instant> stable = versions.stream().filter(v -> !v.preRelease()).map(Dated::releasedAt).sorted().toList();
        if (stable.isEmpty()) {
            return new ReleaseCadence(first, null, 0, null, null, 0);
        }
        Instant latest = stable.get(stable.size() - 1);
        Instant yearAgo = now.minus(YEAR);
        long lastYear = stable.stream().filter(t -> t.isAfter(yearAgo)).count();
        Double median = stable.size() < 2 ? null
                : medianDaysBetween(stable.subList(Math.max(0, stable.size() - MEDIAN_WINDOW), stable.size()));
        long daysSince = Math.max(0, Duration.between(latest, now).toDays());
        return new ReleaseCadence(first, latest, lastYear, median, daysSince, stable.size());
    }

    /** Median of the gaps, in days to two decimals, between consecutive times (sorted, at least two). */
    public static double medianDaysBetween(List<Instant> sorted) {
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            gaps.add(Duration.between(sorted.get(i - 1), sorted.get(i)).toMillis() / MILLIS_PER_DAY);
        }
        gaps.sort(null);
        int n = gaps.size();
        double median = n % 2 == 1 ? gaps.get(n / 2) : (gaps.get(n / 2 - 1) + gaps.get(n / 2)) / 2;
        return Math.round(median * 100) / 100.0;
    }
}
