package dev.ecopulse.maven.service;

import dev.ecopulse.contract.event.MavenObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.maven.client.VersionRelease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Release cadence from the release time of every version. Every version Central holds counts as a release,
 * pre-releases included; {@code preReleaseShare} says how many of them are pre-releases.
 */
public final class ReleaseCadence {

    /** How many of the latest releases the median gap is taken over. */
    static final int RECENT_RELEASES = 10;
    static final Duration YEAR = Duration.ofDays(365);

    /** The computed signals and those that could not be computed, with the reason. */
    public record Result(MavenObservation.Releases releases, List<MissingSignal> missing) {
    }

    private ReleaseCadence() {
    }

    /** @param releases at least one, each version once */
    public static Result of(List<VersionRelease> releases, Instant now) {
        if (releases.isEmpty()) {
            throw new IllegalArgumentException("no releases");
        }
        List<Instant> times = releases.stream().map(VersionRelease::releasedAt).sorted().toList();
        Instant first = times.get(0);
        Instant latest = times.get(times.size() - 1);
        Instant yearAgo = now.minus(YEAR);
        long lastYear = times.stream().filter(t -> t.isAfter(yearAgo)).count();
        long daysSince = Math.max(0, Duration.between(latest, now).toDays());
        long preReleases = releases.stream().filter(r -> MavenVersions.isPreRelease(r.version())).count();
        double preReleaseShare = round((double) preReleases / releases.size(), 4);

        List<MissingSignal> missing = new ArrayList<>();
        Double medianGap = null;
        if (times.size() < 2) {
            missing.add(new MissingSignal("search.medianDaysBetweenReleases",
                    "needs at least two releases, Central search lists one"));
        } else {
            medianGap = medianDaysBetween(times.subList(Math.max(0, times.size() - RECENT_RELEASES), times.size()));
        }
        return new Result(new MavenObservation.Releases(first, latest, lastYear, medianGap, daysSince,
                preReleaseShare), missing);
    }

    /** Median of the gaps, in days, between consecutive release times (sorted, at least two). */
    static double medianDaysBetween(List<Instant> sorted) {
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            gaps.add(Duration.between(sorted.get(i - 1), sorted.get(i)).toMillis() / 86_400_000d);
        }
        gaps.sort(Comparator.naturalOrder());
        int n = gaps.size();
        double median = n % 2 == 1 ? gaps.get(n / 2) : (gaps.get(n / 2 - 1) + gaps.get(n / 2)) / 2;
        return round(median, 2);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
