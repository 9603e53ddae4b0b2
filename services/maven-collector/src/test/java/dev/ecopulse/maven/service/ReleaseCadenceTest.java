package dev.ecopulse.maven.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecopulse.contract.event.MavenObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.maven.client.VersionRelease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseCadenceTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    static VersionRelease release(String version, int daysAgo) {
        return new VersionRelease(version, NOW.minus(Duration.ofDays(daysAgo)));
    }

    @Test
    void computesEverySignalFromTheReleaseTimes() {
        List<VersionRelease> releases = List.of(release("1.0.0", 1000), release("1.1.0-rc1", 400),
                release("1.1.0", 300), release("1.2.0", 200), release("2.0.0-beta", 30), release("2.0.0", 10));

        ReleaseCadence.Result result = ReleaseCadence.of(releases, NOW);

        MavenObservation.Releases r = result.releases();
        assertThat(r.firstReleaseAt()).isEqualTo(NOW.minus(Duration.ofDays(1000)));
        assertThat(r.latestReleaseAt()).isEqualTo(NOW.minus(Duration.ofDays(10)));
        // pre-releases are not releases for cadence: 1.1.0-rc1 and 2.0.0-beta count in the share only
        assertThat(r.releasesLast365Days()).isEqualTo(3);
        // gaps 700, 100, 190 days → median 190
        assertThat(r.medianDaysBetweenReleases()).isEqualTo(190.0);
        assertThat(r.daysSinceLatestRelease()).isEqualTo(10);
        assertThat(r.preReleaseShare()).isEqualTo(0.3333);
        assertThat(result.missing()).isEmpty();
    }

    @Test
    void medianIsOverTheLastTenReleasesOnly() {
        List<VersionRelease> releases = new ArrayList<>();
        releases.add(release("0.1", 5000)); // a gap of years before the last ten must not count
        for (int i = 0; i < 10; i++) {
            releases.add(release("1." + i, 100 - 7 * i)); // one a week
        }

        assertThat(ReleaseCadence.of(releases, NOW).releases().medianDaysBetweenReleases()).isEqualTo(7.0);
    }

    @Test
    void evenNumberOfGapsTakesTheMeanOfTheMiddleTwo() {
        List<Instant> times = List.of(NOW, NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(4)),
                NOW.plus(Duration.ofHours(24 * 4 + 12)), NOW.plus(Duration.ofDays(10)));
        // gaps 1, 3, 0.5, 5.5 days → (1 + 3) / 2
        assertThat(dev.ecopulse.collector.release.ReleaseCadence.medianDaysBetween(times)).isEqualTo(2.0);
    }

    @Test
    void aFreshPreReleaseLeavesFreshnessWithTheLastStableRelease() {
        List<VersionRelease> releases = List.of(release("1.0.0", 400), release("1.1.0", 300),
                release("2.0.0-M1", 5), release("2.0.0-SNAPSHOT", 1), release("2.0.0-alpha-1", 2));

        MavenObservation.Releases r = ReleaseCadence.of(releases, NOW).releases();

        assertThat(r.latestReleaseAt()).isEqualTo(NOW.minus(Duration.ofDays(300)));
        assertThat(r.daysSinceLatestRelease()).isEqualTo(300);
        assertThat(r.releasesLast365Days()).isEqualTo(1);
        assertThat(r.medianDaysBetweenReleases()).isEqualTo(100.0);
        assertThat(r.preReleaseShare()).isEqualTo(0.6);
    }

    @Test
    void onlyPreReleasesGiveNoCadenceButTheirShare() {
        ReleaseCadence.Result result = ReleaseCadence.of(List.of(release("0.1.0-rc1", 20), release("0.1.0-rc2", 10)),
                NOW);

        assertThat(result.releases().latestReleaseAt()).isNull();
        assertThat(result.releases().releasesLast365Days()).isZero();
        assertThat(result.releases().preReleaseShare()).isEqualTo(1.0);
        assertThat(result.missing()).extracting(MissingSignal::signal).containsExactly("search.latestReleaseAt",
                "search.medianDaysBetweenReleases", "search.daysSinceLatestRelease");
    }

    @Test
    void oneReleaseHasNoGapToMeasure() {
        ReleaseCadence.Result result = ReleaseCadence.of(List.of(release("0.1.0", 3)), NOW);

        assertThat(result.releases().medianDaysBetweenReleases()).isNull();
        assertThat(result.missing()).containsExactly(new MissingSignal("search.medianDaysBetweenReleases",
                "needs at least two releases, Central search lists one"));
        assertThat(result.releases().releasesLast365Days()).isEqualTo(1);
    }

    @Test
    void aReleaseStampedAfterNowIsZeroDaysAgoNotNegative() {
        ReleaseCadence.Result result = ReleaseCadence.of(List.of(release("1.0", -1)), NOW);

        assertThat(result.releases().daysSinceLatestRelease()).isZero();
    }

    @Test
    void refusesNoReleasesAtAll() {
        assertThatThrownBy(() -> ReleaseCadence.of(List.of(), NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
