package dev.ecopulse.pypi.client.pypistats;

import java.time.LocalDate;

/** Downloads of one day without mirrors, from pypistats' {@code overall} series. */
public record DailyDownloads(LocalDate date, long downloads) {
}
