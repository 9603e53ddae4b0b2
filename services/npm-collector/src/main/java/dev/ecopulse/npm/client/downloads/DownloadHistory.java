package dev.ecopulse.npm.client.downloads;

import java.time.LocalDate;
import java.util.List;

/**
 * One package's answer to a range query: the days from {@code start} to {@code end} (inclusive, npm's last available
 * day for {@code last-year}), each day once, oldest first.
 */
public record DownloadHistory(LocalDate start, LocalDate end, List<DailyDownloads> days) {

    public DownloadHistory {
        days = List.copyOf(days);
    }
}
