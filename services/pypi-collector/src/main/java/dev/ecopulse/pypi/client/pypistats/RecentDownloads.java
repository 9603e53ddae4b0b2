package dev.ecopulse.pypi.client.pypistats;

import dev.ecopulse.collector.client.Fetched;

/** pypistats' {@code recent} counts (without mirrors): each present or missing with its reason. */
public record RecentDownloads(Fetched<Long> lastDay, Fetched<Long> lastWeek, Fetched<Long> lastMonth) {
}
