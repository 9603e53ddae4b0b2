package dev.ecopulse.npm.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.npm.client.registry.PublishedVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageSeriesTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final CollectionTarget TARGET = new CollectionTarget("onnx", "onnxruntime-web");
    static final Fetched<List<PublishedVersion>> VERSIONS = Fetched.of(List.of(
            new PublishedVersion("1.0.0", Instant.parse("2025-06-02T10:00:00Z")),
            new PublishedVersion("1.1.0-rc.1", Instant.parse("2026-11-10T10:00:00Z")),
            new PublishedVersion("1.1.0", Instant.parse("2026-11-12T10:00:00Z"))));

    @Test
    void aCollectionSendsTheLastSixtyCompleteDays() {
        SeriesObservation s = PackageSeries.of(TARGET, "r", NOW, false,
                Fetched.of(DownloadTotalsTest.history()), VERSIONS);

        List<Flow> downloads = flows(s, SeriesObservation.Signals.DOWNLOADS);
        assertThat(downloads).hasSize(60);
        assertThat(downloads.get(0).from()).isEqualTo(LocalDate.parse("2026-09-29"));
        assertThat(downloads.get(59)).isEqualTo(new Flow("downloads", LocalDate.parse("2026-11-27"),
                LocalDate.parse("2026-11-28"), 7));
        assertThat(flows(s, SeriesObservation.Signals.RELEASES)).hasSize(6).last()
                .extracting(Flow::count).as("the rc is no release").isEqualTo(1L);
        assertThat(s.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
        assertThat(s.source()).isEqualTo("npm");
    }

    @Test
    void aBackfillSendsTheWholeYear() {
        SeriesObservation s = PackageSeries.of(TARGET, "r", NOW, true,
                Fetched.of(DownloadTotalsTest.history()), VERSIONS);

        assertThat(flows(s, SeriesObservation.Signals.DOWNLOADS)).hasSize(365);
        assertThat(flows(s, SeriesObservation.Signals.RELEASES)).hasSize(13);
        assertThat(s.origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
    }

    @Test
    void aBackfillWithoutDownloadsIsSentAsACollectionToBeTriedAgain() {
        SeriesObservation s = PackageSeries.of(TARGET, "r", NOW, true, Fetched.missing("npm answered 429"), VERSIONS);

        assertThat(s.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
        assertThat(s.missing()).singleElement().satisfies(m -> {
            assertThat(m.signal()).isEqualTo("downloads");
            assertThat(m.reason()).isEqualTo("npm answered 429");
        });
    }

    @Test
    void aDayStillGoingOnIsNeverSent() {
        Instant sameDay = Instant.parse("2026-11-27T23:00:00Z");

        SeriesObservation s = PackageSeries.of(TARGET, "r", sameDay, false,
                Fetched.of(DownloadTotalsTest.history()), VERSIONS);

        assertThat(flows(s, SeriesObservation.Signals.DOWNLOADS)).last().extracting(Flow::from)
                .isEqualTo(LocalDate.parse("2026-11-26"));
    }

    private static List<Flow> flows(SeriesObservation s, String signal) {
        return s.flows().stream().filter(f -> f.signal().equals(signal)).toList();
    }
}
