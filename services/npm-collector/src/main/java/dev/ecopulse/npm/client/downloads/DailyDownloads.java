package dev.ecopulse.npm.client.downloads;

import java.time.LocalDate;

/** Downloads of one package on one UTC day, from a range query. */
public record DailyDownloads(LocalDate day, long downloads) {
}
