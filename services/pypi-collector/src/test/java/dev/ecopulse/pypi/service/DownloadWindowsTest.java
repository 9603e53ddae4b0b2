package dev.ecopulse.pypi.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.pypi.client.pypistats.DailyDownloads;
import dev.ecopulse.pypi.client.pypistats.PypistatsDocuments;
import dev.ecopulse.pypi.support.Fixtures;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DownloadWindowsTest {

    @Test
    void sumsTheWindowsBackFromTheNewestDay() {
        List<DailyDownloads> days = PypistatsDocuments.overall(Fixtures.read("pypistats/optax-overall.json")).value();

        DownloadWindows windows = DownloadWindows.of(days).value();

        assertThat(windows).isEqualTo(new DownloadWindows(LocalDate.parse("2026-11-27"), 1_810_448, 1_880_425,
                5_512_892, 4_918_817));
    }

    @Test
    void countsEachDayInItsWindowOnlyAndMissingDaysAsZero() {
        LocalDate newest = LocalDate.parse("2026-11-27");
        List<DailyDownloads> days = List.of(day(newest, 1), day(newest.minusDays(29), 10), day(newest.minusDays(30), 100),
                day(newest.minusDays(89), 1_000), day(newest.minusDays(90), 10_000), day(newest.minusDays(179), 100_000),
                day(newest.minusDays(180), 1_000_000));

        assertThat(DownloadWindows.of(days).value())
                .isEqualTo(new DownloadWindows(newest, 11, 100, 1_111, 110_000));
    }

    @Test
    void noDaysIsMissingNotZero() {
        assertThat(DownloadWindows.of(List.of()).missingReason())
                .isEqualTo("pypistats has no daily downloads without mirrors");
    }

    private static DailyDownloads day(LocalDate date, long downloads) {
        return new DailyDownloads(date, downloads);
    }
}
