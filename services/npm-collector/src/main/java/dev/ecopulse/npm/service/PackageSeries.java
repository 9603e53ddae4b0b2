package dev.ecopulse.npm.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.release.ReleaseCadence.Dated;
import dev.ecopulse.collector.release.ReleaseWindows;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.npm.client.downloads.DownloadHistory;
import dev.ecopulse.npm.client.registry.PublishedVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A package's dated flows, from what its observation already read: one {@code downloads} flow per day of npm's range
 * answer (the recent {@value #RECENT_DAYS} days every run, all 365 on a backfill), and {@code releases} per 30-day
 * window ({@link ReleaseWindows}). Only days before the run's UTC day and not after npm's last computed day are sent:
 * a day npm has not counted yet is unknown, not zero. A backfill needs both the downloads and the versions; without
 * either the series goes out as a collection and the next run tries the backfill again.
 */
final class PackageSeries {

    /** Days of downloads a run that is not a backfill sends. */
    static final int RECENT_DAYS = 60;

    private PackageSeries() {
    }

    static SeriesObservation of(CollectionTarget target, String runId, Instant observedAt, boolean backfill,
            Fetched<DownloadHistory> downloads, Fetched<List<PublishedVersion>> versions) {
        LocalDate today = LocalDate.ofInstant(observedAt, ZoneOffset.UTC);
        List<Flow> flows = new ArrayList<>();
        List<MissingSignal> missing = new ArrayList<>();
        if (downloads.value() == null) {
            missing.add(new MissingSignal(SeriesObservation.Signals.DOWNLOADS, downloads.missingReason()));
        } else {
            flows.addAll(downloads(downloads.value(), today, backfill));
        }
        if (versions.value() == null) {
            missing.add(new MissingSignal(SeriesObservation.Signals.RELEASES, versions.missingReason()));
        } else {
            List<Dated> dated = versions.value().stream().map(v -> new Dated(v.publishedAt(), v.preRelease()))
                    .toList();
            flows.addAll(ReleaseWindows.of(dated, today, ReleaseWindows.count(backfill)));
        }
        boolean pastRead = downloads.value() != null && versions.value() != null;
        String origin = backfill && pastRead ? SeriesObservation.ORIGIN_BACKFILL : SeriesObservation.ORIGIN_COLLECTION;
        return new SeriesObservation(target.projectId(), ObservationSource.NPM.id(), target.subject(), observedAt,
                runId, origin, flows, missing);
    }

    /** One flow per listed day before {@code today}; the last {@value #RECENT_DAYS} of them unless a backfill. */
    static List<Flow> downloads(DownloadHistory history, LocalDate today, boolean backfill) {
        LocalDate oldest = backfill ? history.start() : today.minusDays(RECENT_DAYS);
        return history.days().stream().filter(d -> d.day().isBefore(today) && !d.day().isBefore(oldest))
                .map(d -> new Flow(SeriesObservation.Signals.DOWNLOADS, d.day(), d.day().plusDays(1), d.downloads()))
                .toList();
    }
}
