package dev.ecopulse.maven.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.release.ReleaseCadence.Dated;
import dev.ecopulse.collector.release.ReleaseWindows;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.maven.client.VersionRelease;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * An artifact's dated flows from the release times Central search already gave the observation: {@code releases} per
 * 30-day window ({@link ReleaseWindows}), pre-releases ({@link MavenVersions#isPreRelease}) not counted. Central has no
 * download counts, which the series says. A backfill needs the release list: without it the series goes out as a
 * collection and the next run tries the backfill again.
 */
final class ArtifactSeries {

    static final String NO_DOWNLOADS = "Maven Central publishes no download counts";

    private ArtifactSeries() {
    }

    static SeriesObservation of(CollectionTarget target, String runId, Instant observedAt, boolean backfill,
            Fetched<List<VersionRelease>> releases) {
        List<SeriesObservation.Flow> flows = new ArrayList<>();
        List<MissingSignal> missing = new ArrayList<>();
        missing.add(new MissingSignal(SeriesObservation.Signals.DOWNLOADS, NO_DOWNLOADS));
        if (releases.value() == null) {
            missing.add(new MissingSignal(SeriesObservation.Signals.RELEASES, releases.missingReason()));
        } else {
            flows.addAll(ReleaseWindows.of(releases.value().stream()
                    .map(r -> new Dated(r.releasedAt(), MavenVersions.isPreRelease(r.version()))).toList(),
                    LocalDate.ofInstant(observedAt, ZoneOffset.UTC), ReleaseWindows.count(backfill)));
        }
        String origin = backfill && releases.value() != null ? SeriesObservation.ORIGIN_BACKFILL
                : SeriesObservation.ORIGIN_COLLECTION;
        return new SeriesObservation(target.projectId(), ObservationSource.MAVEN.id(), target.subject(), observedAt,
                runId, origin, flows, missing);
    }
}
