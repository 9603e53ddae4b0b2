package dev.ecopulse.npm.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.npm.client.downloads.DailyDownloads;
import dev.ecopulse.npm.client.downloads.DownloadHistory;
import java.time.LocalDate;

/**
 * npm's point periods summed from one {@code last-year} range answer: the last 1, 7, 30 and 365 available days, each
 * ending at the answer's {@code end} (npm's last computed day), as its {@code last-day}, {@code last-week},
 * {@code last-month} and {@code last-year} are defined. A day the answer does not list counts nothing, as in npm's
 * sums (a package younger than the period).
 */
record DownloadTotals(Fetched<Long> lastDay, long lastWeek, long lastMonth, long lastYear) {

    static DownloadTotals of(DownloadHistory history) {
        LocalDate end = history.end();
        Fetched<Long> lastDay = history.days().stream().filter(d -> d.day().equals(end)).findFirst()
                .map(d -> Fetched.of(d.downloads()))
                .orElseGet(() -> Fetched.missing("npm's range answer lists no count for its last day, " + end));
        return new DownloadTotals(lastDay, sum(history, end, 7), sum(history, end, 30), sum(history, end, 365));
    }

    private static long sum(DownloadHistory history, LocalDate end, int days) {
        LocalDate first = end.minusDays(days - 1L);
        return history.days().stream().filter(d -> !d.day().isBefore(first) && !d.day().isAfter(end))
                .mapToLong(DailyDownloads::downloads).sum();
    }
}
