package dev.ecopulse.pypi.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.pypi.client.pypi.Release;
import dev.ecopulse.pypi.client.pypi.SimpleIndex;
import dev.ecopulse.pypi.support.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseCadenceTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void describesAReleaseHistory() {
        ReleaseCadence optax = ReleaseCadence.of(SimpleIndex.read(Fixtures.read("simple/optax.json"), "optax").value(),
                NOW);

        assertThat(optax.releaseCount()).isEqualTo(16);
        assertThat(optax.firstReleaseAt()).isEqualTo(Fetched.of(Instant.parse("2020-06-10T09:12:44.127650Z")));
        assertThat(optax.latestReleaseAt()).isEqualTo(Fetched.of(Instant.parse("2026-11-12T17:00:03.842210Z")));
        assertThat(optax.releasesLast365Days()).isEqualTo(2);
        // intervals between the last 10 stable releases (0.2.6rc1 is a pre-release, left out), median of 9
        assertThat(optax.medianDaysBetweenReleases()).isEqualTo(Fetched.of(126.09));
        assertThat(optax.daysSinceLatestRelease()).isEqualTo(Fetched.of(15L));
        assertThat(optax.yankedReleases()).isZero();
    }

    @Test
    void leavesYankedReleasesOutOfTheCadenceAndCountsThemApart() {
        ReleaseCadence chex = ReleaseCadence.of(SimpleIndex.read(Fixtures.read("simple/chex.json"), "chex").value(),
                NOW);

        assertThat(chex.releaseCount()).isEqualTo(4);
        assertThat(chex.yankedReleases()).isEqualTo(1);
        assertThat(chex.medianDaysBetweenReleases()).isEqualTo(Fetched.of(70.95));
        assertThat(chex.daysSinceLatestRelease()).isEqualTo(Fetched.of(983L));
        assertThat(chex.releasesLast365Days()).isZero();
    }

    @Test
    void anEvenNumberOfIntervalsTakesTheMeanOfTheMiddleTwo() {
        List<Release> releases = List.of(release("1", "2026-01-01T00:00:00Z"), release("2", "2026-01-02T00:00:00Z"),
                release("3", "2026-01-05T00:00:00Z"));

        assertThat(ReleaseCadence.of(releases, NOW).medianDaysBetweenReleases()).isEqualTo(Fetched.of(2.0));
    }

    @Test
    void namesWhatCannotBeComputed() {
        ReleaseCadence single = ReleaseCadence.of(List.of(release("1.0", "2026-11-01T00:00:00Z")), NOW);
        assertThat(single.medianDaysBetweenReleases().missingReason()).isEqualTo("a single release has no interval");
        assertThat(single.daysSinceLatestRelease()).isEqualTo(Fetched.of(27L));

        ReleaseCadence none = ReleaseCadence.of(List.of(), NOW);
        assertThat(none.releaseCount()).isZero();
        assertThat(none.latestReleaseAt().missingReason()).isEqualTo("PyPI lists no release with files");

        ReleaseCadence allYanked = ReleaseCadence.of(
                List.of(new Release("0.1", Instant.parse("2026-01-01T00:00:00Z"), true)), NOW);
        assertThat(allYanked.yankedReleases()).isEqualTo(1);
        assertThat(allYanked.firstReleaseAt().missingReason()).isEqualTo("every release is yanked");
    }

    @Test
    void preReleasesAreNotReleasesForCadenceAndFreshness() {
        List<Release> releases = List.of(release("1.0.0", "2025-10-01T00:00:00Z"),
                release("1.1.0", "2025-12-01T00:00:00Z"), release("2.0.0rc1", "2026-11-20T00:00:00Z"),
                release("2.0.0.dev3", "2026-11-25T00:00:00Z"));

        ReleaseCadence cadence = ReleaseCadence.of(releases, NOW);

        assertThat(cadence.releaseCount()).isEqualTo(4);
        assertThat(cadence.latestReleaseAt()).isEqualTo(Fetched.of(Instant.parse("2025-12-01T00:00:00Z")));
        assertThat(cadence.releasesLast365Days()).isEqualTo(1);
        assertThat(cadence.medianDaysBetweenReleases()).isEqualTo(Fetched.of(61.0));
        assertThat(cadence.daysSinceLatestRelease().value()).isGreaterThan(300L);

        ReleaseCadence onlyPre = ReleaseCadence.of(List.of(release("0.1a1", "2026-11-01T00:00:00Z")), NOW);
        assertThat(onlyPre.latestReleaseAt().missingReason()).isEqualTo("every release is a pre-release");
        assertThat(onlyPre.firstReleaseAt()).isEqualTo(Fetched.of(Instant.parse("2026-11-01T00:00:00Z")));
    }

    private static Release release(String version, String at) {
        return new Release(version, Instant.parse(at), false);
    }
}
