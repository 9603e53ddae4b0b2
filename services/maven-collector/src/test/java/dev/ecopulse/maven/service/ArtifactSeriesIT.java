package dev.ecopulse.maven.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.collector.release.ReleaseWindows;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.maven.client.Coordinate;
import dev.ecopulse.maven.client.VersionRelease;
import dev.ecopulse.maven.testing.MavenStubs;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An artifact's release windows, read from the Central search answers its observation already asked for. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "test.wiremock.url"))
class ArtifactSeriesIT {

    static final Coordinate TORCH = Coordinate.parse("org.pytorch:pytorch_android");
    static final LocalDate TODAY = LocalDate.parse("2026-11-28");
    static final Instant NOW = TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    ArtifactObserver observer;

    @Inject
    VirtualTime time;

    RecordingRun run;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        time.forgetPauses();
        run = new RecordingRun();
        time.activityFrom(() -> run.status);
    }

    @Test
    void aNormalRunSendsSixWindowsOfReleasesAndSaysCentralHasNoDownloads() throws Exception {
        stub(List.of(release("1.0.0", 400), release("1.1.0", 100), release("1.2.0-rc1", 20), release("1.2.0", 5)));

        SeriesObservation series = series();

        assertThat(series.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
        assertThat(series.source()).isEqualTo("maven");
        assertThat(series.subject()).isEqualTo(TORCH.toString());
        assertThat(series.flows()).hasSize(ReleaseWindows.RECENT).allMatch(f -> f.signal().equals("releases"));
        assertThat(series.flows().get(5)).isEqualTo(new Flow("releases", TODAY.minusDays(30), TODAY, 1));
        assertThat(series.flows()).extracting(Flow::count).containsExactly(0L, 0L, 1L, 0L, 0L, 1L);
        assertThat(series.missing()).containsExactly(
                new MissingSignal("downloads", "Maven Central publishes no download counts"));
        assertThat(EventSchemas.validate(SeriesObservation.eventType(ObservationSource.MAVEN),
                EventJson.mapper().valueToTree(series))).isEmpty();
    }

    @Test
    void aBackfillSendsThirteenWindowsForTheSameRequests() throws Exception {
        stub(List.of(release("1.0.0", 400), release("1.0.1", 380), release("1.1.0", 100), release("1.2.0", 5)));
        SeriesObservation normal = series();
        long normalCost = run.cost;
        int normalRequests = wireMock.getAllServeEvents().size();
        run = new RecordingRun();
        run.backfillAll = true;

        SeriesObservation backfill = series();

        assertThat(backfill.origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
        assertThat(backfill.flows()).hasSize(ReleaseWindows.BACKFILL);
        assertThat(backfill.flows().get(0)).isEqualTo(new Flow("releases", TODAY.minusDays(390),
                TODAY.minusDays(360), 1)); // 1.0.1; 1.0.0 is older than the first window
        assertThat(backfill.flows().subList(7, 13)).isEqualTo(normal.flows());
        assertThat(run.cost).isEqualTo(normalCost);
        wireMock.verify(2 * normalRequests, getRequestedFor(urlMatching(".*")));
    }

    @Test
    void clipsTheWindowsOfAYoungArtifactToItsFirstRelease() throws Exception {
        stub(List.of(release("0.1.0-alpha1", 50), release("0.1.0", 40), release("0.2.0", 3)));
        run.backfillAll = true;

        assertThat(series().flows()).containsExactly(
                new Flow("releases", TODAY.minusDays(50), TODAY.minusDays(30), 1),
                new Flow("releases", TODAY.minusDays(30), TODAY, 1));
    }

    @Test
    void aBackfillWithoutSearchGoesOutAsACollectionSoTheNextRunTriesAgain() throws Exception {
        MavenStubs.metadata(wireMock, TORCH, MavenStubs.metadataXml(TORCH, "2.1.0", "20231004194020",
                List.of("2.0.0", "2.1.0")));
        wireMock.stubFor(MavenStubs.searchRequest(TORCH, 0).willReturn(aResponse().withStatus(503)));
        MavenStubs.dependents(wireMock, TORCH, "2.1.0", "{\"dependentCount\":40,\"directDependentCount\":8}");
        run.backfillAll = true;

        SeriesObservation series = series();

        assertThat(series.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
        assertThat(series.flows()).isEmpty();
        assertThat(series.missing()).extracting(MissingSignal::signal).containsExactly("downloads", "releases");
    }

    private void stub(List<VersionRelease> releases) {
        List<String> versions = releases.stream().map(VersionRelease::version).toList();
        String highest = versions.get(versions.size() - 1);
        MavenStubs.metadata(wireMock, TORCH, MavenStubs.metadataXml(TORCH, highest, "20261127101500", versions));
        MavenStubs.search(wireMock, TORCH, releases, 200);
        MavenStubs.dependents(wireMock, TORCH, highest, "{\"dependentCount\":12,\"directDependentCount\":3}");
    }

    private SeriesObservation series() throws InterruptedException {
        return observer.observe("torch", TORCH, NOW, run).series();
    }

    private static VersionRelease release(String version, int daysAgo) {
        return new VersionRelease(version, NOW.minusSeconds(86_400L * daysAgo));
    }
}
