package dev.ecopulse.collector.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.contract.event.SeriesObservation.Flow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseWindowsTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-28");

    @Test
    void countsStableReleasesPerThirtyDayWindowEndingBeforeToday() {
        List<Flow> flows = ReleaseWindows.of(List.of(stable(400), stable(31), stable(30), pre(29), stable(1),
                stable(0)), TODAY, ReleaseWindows.RECENT);

        assertThat(flows).hasSize(6).allMatch(f -> f.signal().equals("releases") && f.days() == 30);
        assertThat(flows.get(5)).isEqualTo(new Flow("releases", TODAY.minusDays(30), TODAY, 2));
        assertThat(flows.get(4)).isEqualTo(new Flow("releases", TODAY.minusDays(60), TODAY.minusDays(30), 1));
        assertThat(flows.get(0)).isEqualTo(new Flow("releases", TODAY.minusDays(180), TODAY.minusDays(150), 0));
        assertThat(flows).as("today's release waits for the day to end").extracting(Flow::count)
                .containsExactly(0L, 0L, 0L, 0L, 1L, 2L);
    }

    @Test
    void aBackfillGoesBackAYearAndOneWindow() {
        List<Flow> flows = ReleaseWindows.of(List.of(stable(1000), stable(370)), TODAY, ReleaseWindows.BACKFILL);

        assertThat(flows).hasSize(13);
        assertThat(flows.get(0).from()).isEqualTo(TODAY.minusDays(390));
        assertThat(flows.get(0).count()).isEqualTo(1);
        assertThat(flows.stream().mapToLong(Flow::count).sum()).isEqualTo(1);
    }

    @Test
    void clipsTheWindowOfTheFirstReleaseAndLeavesOutTheWindowsBeforeIt() {
        List<Flow> flows = ReleaseWindows.of(List.of(pre(45), stable(10)), TODAY, ReleaseWindows.RECENT);

        assertThat(flows).containsExactly(
                new Flow("releases", TODAY.minusDays(45), TODAY.minusDays(30), 0),
                new Flow("releases", TODAY.minusDays(30), TODAY, 1));
    }

    @Test
    void aPackageFirstReleasedTodayHasNoCompleteWindowYet() {
        assertThat(ReleaseWindows.of(List.of(stable(0)), TODAY, ReleaseWindows.BACKFILL)).isEmpty();
        assertThat(ReleaseWindows.of(List.of(), TODAY, ReleaseWindows.BACKFILL)).isEmpty();
    }

    private static ReleaseCadence.Dated stable(int daysAgo) {
        return new ReleaseCadence.Dated(TODAY.minusDays(daysAgo).atTime(12, 0).toInstant(ZoneOffset.UTC), false);
    }

    private static ReleaseCadence.Dated pre(int daysAgo) {
        return new ReleaseCadence.Dated(TODAY.minusDays(daysAgo).atTime(12, 0).toInstant(ZoneOffset.UTC), true);
    }
}
