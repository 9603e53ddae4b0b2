package dev.ecopulse.pypi.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.pypi.client.pypi.Release;
import dev.ecopulse.pypi.client.pypistats.DailyDownloads;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageSeriesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-28");
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final CollectionTarget OPTAX = new CollectionTarget("optax", "optax");

    @Test
    void sendsNeitherTodayNorADayPypistatsDoesNotList() {
        List<Flow> flows = PackageSeries.downloads(List.of(day("2026-11-25", 10), day("2026-11-27", 12),
                day("2026-11-28", 3)), TODAY);

        assertThat(flows).containsExactly(
                new Flow("downloads", LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-26"), 10),
                new Flow("downloads", LocalDate.parse("2026-11-27"), TODAY, 12));
    }

    @Test
    void aDayListedTwiceIsSentOnce() {
        assertThat(PackageSeries.downloads(List.of(day("2026-11-27", 12), day("2026-11-27", 12)), TODAY))
                .hasSize(1);
    }

    @Test
    void leavesOutYankedReleasesAndCountsNoPreRelease() {
        List<Release> history = List.of(new Release("1.0.0", NOW.minusSeconds(86_400L * 40), false),
                new Release("1.1.0", NOW.minusSeconds(86_400L * 5), true),
                new Release("1.2.0rc1", NOW.minusSeconds(86_400L * 4), false),
                new Release("1.2.0", NOW.minusSeconds(86_400L * 3), false));

        SeriesObservation series = PackageSeries.of(OPTAX, "run", NOW, false, Fetched.missing("not asked"),
                Fetched.of(history));

        assertThat(series.flows()).extracting(Flow::count).containsExactly(1L, 1L);
        assertThat(series.flows().get(0).from()).isEqualTo(TODAY.minusDays(40));
        assertThat(series.missing()).extracting(m -> m.signal() + ": " + m.reason())
                .containsExactly("downloads: not asked");
    }

    @Test
    void aPackageWhoseEveryReleaseIsYankedSaysSo() {
        SeriesObservation series = PackageSeries.of(OPTAX, "run", NOW, true, Fetched.of(List.of()),
                Fetched.of(List.of(new Release("1.0.0", NOW.minusSeconds(86_400L * 40), true))));

        assertThat(series.flows()).isEmpty();
        assertThat(series.missing()).extracting(m -> m.signal() + ": " + m.reason())
                .containsExactly("releases: every release is yanked");
        assertThat(series.origin()).as("the history was read: the past is known").isEqualTo("backfill");
    }

    private static DailyDownloads day(String date, long downloads) {
        return new DailyDownloads(LocalDate.parse(date), downloads);
    }
}
