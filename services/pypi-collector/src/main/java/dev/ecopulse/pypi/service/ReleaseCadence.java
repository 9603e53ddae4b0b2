package dev.ecopulse.pypi.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.pypi.client.pypi.Release;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a package releases, as of one moment. Releases are versions with files, yanked ones left out (they were
 * withdrawn; their count is kept apart); pre-releases count, they are releases on PyPI too.
 */
public record ReleaseCadence(
        long releaseCount,
        long yankedReleases,
        long releasesLast365Days,
        Fetched<Instant> firstReleaseAt,
        Fetched<Instant> latestReleaseAt,
        Fetched<Double> medianDaysBetweenReleases,
        Fetched<Long> daysSinceLatestRelease) {

    /** The median interval is taken over this many latest releases (so this many minus one intervals). */
    public static final int MEDIAN_WINDOW = 10;

    private static final double SECONDS_PER_DAY = 86_400.0;

    public static ReleaseCadence of(List<Release> releases, Instant now) {
        List<Instant> dates = releases.stream().filter(r -> !r.yanked()).map(Release::releasedAt).sorted().toList();
        long yanked = releases.stream().filter(Release::yanked).count();
        Instant yearAgo = now.minus(Duration.ofDays(365));
        long lastYear = dates.stream().filter(d -> d.isAfter(yearAgo)).count();
        if (dates.isEmpty()) {
            String reason = releases.isEmpty() ? "PyPI lists no release with files" : "every release is yanked";
            return new ReleaseCadence(0, yanked, 0, Fetched.missing(reason), Fetched.missing(reason),
                    Fetched.missing(reason), Fetched.missing(reason));
        }
        Instant latest = dates.get(dates.size() - 1);
        Fetched<Double> median = dates.size() < 2
                ? Fetched.missing("a single release has no interval")
                : Fetched.of(medianDays(dates.subList(Math.max(0, dates.size() - MEDIAN_WINDOW), dates.size())));
        long daysSince = Math.max(0, Duration.between(latest, now).toDays());
        return new ReleaseCadence(dates.size(), yanked, lastYear, Fetched.of(dates.get(0)), Fetched.of(latest),
                median, Fetched.of(daysSince));
    }

    /** Median of the intervals between consecutive dates, in days to two decimals. */
    private static double medianDays(List<Instant> sorted) {
        List<Double> intervals = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            intervals.add(Duration.between(sorted.get(i - 1), sorted.get(i)).toSeconds() / SECONDS_PER_DAY);
        }
        intervals.sort(null);
        int n = intervals.size();
        double median = n % 2 == 1 ? intervals.get(n / 2) : (intervals.get(n / 2 - 1) + intervals.get(n / 2)) / 2;
        return Math.round(median * 100) / 100.0;
    }
}
