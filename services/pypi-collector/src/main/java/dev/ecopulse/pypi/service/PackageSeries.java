package dev.ecopulse.pypi.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.release.ReleaseCadence.Dated;
import dev.ecopulse.collector.release.ReleaseWindows;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.pypi.client.pypi.Release;
import dev.ecopulse.pypi.client.pypistats.DailyDownloads;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A package's dated flows, from what its observation already read: one {@code downloads} flow per day pypistats lists
 * (without mirrors), and {@code releases} per 30-day window ({@link ReleaseWindows}). A day pypistats does not list is
 * not sent: unknown, not zero. A backfill goes back a year and one window; it needs the release history, so without
 * one the series goes out as a collection and the next run tries the backfill again.
 */
final class PackageSeries {

    static final int DOWNLOAD_DAYS_KEPT = 366;

    private PackageSeries() {
    }

    /**
     * @param backfill whether the run reads the package's past
     * @param days pypistats' daily downloads, or why there are none
     * @param history the releases with files (yanked ones included), or why there are none
     */
    static SeriesObservation of(CollectionTarget target, String runId, Instant observedAt, boolean backfill,
            Fetched<List<DailyDownloads>> days, Fetched<List<Release>> history) {
        LocalDate today = LocalDate.ofInstant(observedAt, ZoneOffset.UTC);
        List<Flow> flows = new ArrayList<>();
        List<MissingSignal> missing = new ArrayList<>();
        if (days.value() == null) {
            missing.add(new MissingSignal(SeriesObservation.Signals.DOWNLOADS, days.missingReason()));
        } else {
            flows.addAll(downloads(days.value(), today));
        }
        boolean pastRead = false;
        if (history.value() == null) {
            missing.add(new MissingSignal(SeriesObservation.Signals.RELEASES, history.missingReason()));
        } else {
            List<Dated> kept = history.value().stream().filter(r -> !r.yanked())
                    .map(r -> new Dated(r.releasedAt(), Pep440.isPreRelease(r.version()))).toList();
            if (kept.isEmpty()) {
                missing.add(new MissingSignal(SeriesObservation.Signals.RELEASES, history.value().isEmpty()
                        ? "PyPI lists no release with files" : "every release is yanked"));
            }
            flows.addAll(ReleaseWindows.of(kept, today, ReleaseWindows.count(backfill)));
            pastRead = true;
        }
        String origin = backfill && pastRead ? SeriesObservation.ORIGIN_BACKFILL
                : SeriesObservation.ORIGIN_COLLECTION;
        return new SeriesObservation(target.projectId(), ObservationSource.PYPI.id(), target.subject(), observedAt,
                runId, origin, flows, missing);
    }

    /**
     * One flow per day before {@code today} (a day still going on is incomplete) and within a year (pypistats keeps
     * 180 days; the bound keeps a strange answer inside the event's 2,000 flows); a day listed twice counts once.
     */
    static List<Flow> downloads(List<DailyDownloads> days, LocalDate today) {
        LocalDate oldest = today.minusDays(DOWNLOAD_DAYS_KEPT);
        Map<LocalDate, Long> byDay = new TreeMap<>();
        days.stream().filter(d -> d.date().isBefore(today) && !d.date().isBefore(oldest)).forEach(d -> byDay.merge(d.date(), d.downloads(),
                Math::max));
        List<Flow> flows = new ArrayList<>();
        byDay.forEach((day, count) -> flows.add(new Flow(SeriesObservation.Signals.DOWNLOADS, day, day.plusDays(1),
                count)));
        return flows;
    }
}
