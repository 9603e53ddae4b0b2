package dev.ecopulse.pypi.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.pypi.client.pypistats.DailyDownloads;
import java.time.LocalDate;
import java.util.List;

/**
 * Downloads without mirrors over 30- and 90-day windows and the windows just before them, counted back from the newest
 * day pypistats has ({@code asOf}, usually yesterday), so a trend is known from the first run. A day without an entry
 * had no downloads.
 */
public record DownloadWindows(LocalDate asOf, long last30Days, long previous30Days, long last90Days,
        long previous90Days) {

    public static Fetched<DownloadWindows> of(List<DailyDownloads> days) {
        LocalDate newest = days.stream().map(DailyDownloads::date).max(LocalDate::compareTo).orElse(null);
        if (newest == null) {
            return Fetched.missing("pypistats has no daily downloads without mirrors");
        }
        return Fetched.of(new DownloadWindows(newest, sum(days, newest, 0, 30), sum(days, newest, 30, 60),
                sum(days, newest, 0, 90), sum(days, newest, 90, 180)));
    }

    /** Downloads of the days {@code from} (inclusive) to {@code to} (exclusive) days before {@code newest}. */
    private static long sum(List<DailyDownloads> days, LocalDate newest, int from, int to) {
        LocalDate last = newest.minusDays(from);
        LocalDate first = newest.minusDays(to - 1L);
        return days.stream().filter(d -> !d.date().isBefore(first) && !d.date().isAfter(last))
                .mapToLong(DailyDownloads::downloads).sum();
    }
}
