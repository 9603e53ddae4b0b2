package dev.ecopulse.pypi.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.ecopulse.pypi.support.UpstreamStubs.overallPath;
import static dev.ecopulse.pypi.support.UpstreamStubs.recentPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.collector.release.ReleaseWindows;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.pypi.client.pypistats.PypistatsClient;
import dev.ecopulse.pypi.support.UpstreamStubs;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A package's dated flows, read from the answers its observation already asked for (WireMock, real formats). */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.pypi.url,ecopulse.pypistats.url,ecopulse.depsdev.url"))
class PackageSeriesIT {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    PackageObserver observer;

    @Inject
    VirtualTime time;

    @Inject
    PypistatsClient pypistats;

    UpstreamStubs stubs;
    RecordingRun run;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        TestTime.reset(time);
        pypistats.forgetAnswers();
        stubs = new UpstreamStubs(wireMock);
        run = new RecordingRun(List.of());
        time.activityFrom(() -> run.status);
    }

    @Test
    void sendsOneDownloadsFlowPerDayPypistatsListsAndNoneForADayItLeavesOut() throws Exception {
        stubs.everything("optax", "optax", "0.2.8");

        SeriesObservation series = observe("optax");

        List<Flow> downloads = signal(series, "downloads");
        // the fixture lists 178 of the 180 days from 2026-06-01 to 2026-11-27: 2026-08-19 and 2026-11-24 are absent
        assertThat(downloads).hasSize(178).allMatch(f -> f.days() == 1);
        assertThat(downloads).extracting(Flow::from).doesNotContain(LocalDate.parse("2026-08-19"),
                LocalDate.parse("2026-11-24")).contains(LocalDate.parse("2026-08-18"), LocalDate.parse("2026-08-20"));
        assertThat(downloads.get(downloads.size() - 1)).isEqualTo(new Flow("downloads",
                LocalDate.parse("2026-11-27"), LocalDate.parse("2026-11-28"), 72_097));
        assertThat(series.missing()).isEmpty();
        assertThat(EventSchemas.validate(SeriesObservation.eventType(ObservationSource.PYPI),
                EventJson.mapper().valueToTree(series))).isEmpty();
    }

    @Test
    void aNormalRunSendsSixReleaseWindowsAsACollection() throws Exception {
        stubs.everything("optax", "optax", "0.2.8");

        SeriesObservation series = observe("optax");

        assertThat(series.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
        assertThat(series.projectId()).isEqualTo("optax");
        assertThat(series.subject()).isEqualTo("optax");
        List<Flow> releases = signal(series, "releases");
        LocalDate today = today(series);
        assertThat(releases).hasSize(ReleaseWindows.RECENT).allMatch(f -> f.days() == 30);
        assertThat(releases.get(5).to()).isEqualTo(today);
        assertThat(releases.get(0).from()).isEqualTo(today.minusDays(180));
        // 0.2.8 on 2026-11-12; 0.2.7 (2026-02-02) is older than 180 days
        assertThat(releases).extracting(Flow::count).containsExactly(0L, 0L, 0L, 0L, 0L, 1L);
    }

    @Test
    void aBackfillSendsThirteenReleaseWindowsAndTheDownloadsForTheSameRequests() throws Exception {
        stubs.everything("optax", "optax", "0.2.8").everything("optax-twin", "optax", "0.2.8");
        SeriesObservation normal = observe("optax");
        long normalCost = run.cost;
        RecordingRun backfillRun = new RecordingRun(List.of());
        backfillRun.backfillAll = true;

        SeriesObservation backfill = observer.observe(new CollectionTarget("optax", "optax-twin"), backfillRun, null)
                .series();

        assertThat(backfill.origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
        List<Flow> releases = signal(backfill, "releases");
        assertThat(releases).hasSize(ReleaseWindows.BACKFILL);
        assertThat(releases.get(0).from()).isEqualTo(today(backfill).minusDays(390));
        // 0.2.8 (2026-11-12) and 0.2.7 (2026-02-02); 0.2.6 (2025-09-15) is before the first window
        assertThat(releases.stream().mapToLong(Flow::count).sum()).isEqualTo(2);
        assertThat(signal(backfill, "downloads")).isEqualTo(signal(normal, "downloads"));
        assertThat(backfillRun.cost).isEqualTo(normalCost).isEqualTo(6);
        for (String name : List.of("optax", "optax-twin")) {
            wireMock.verify(1, getRequestedFor(urlEqualTo(recentPath(name))));
            wireMock.verify(1, getRequestedFor(urlEqualTo(overallPath(name))));
        }
        wireMock.verify(12, getRequestedFor(urlMatching(".*")));
    }

    @Test
    void clipsTheWindowsOfAYoungPackageToItsFirstReleaseAndLeavesOutThoseBefore() throws Exception {
        LocalDate today = LocalDate.ofInstant(time.now(), ZoneOffset.UTC);
        Map<String, java.time.Instant> versions = new LinkedHashMap<>();
        versions.put("0.1.0", today.minusDays(45).atTime(9, 30).toInstant(ZoneOffset.UTC));
        versions.put("0.2.0rc1", today.minusDays(20).atTime(9, 30).toInstant(ZoneOffset.UTC));
        versions.put("0.2.0", today.minusDays(10).atTime(9, 30).toInstant(ZoneOffset.UTC));
        stubs.everything("young", "optax", "0.2.8").simple("young", okJson(UpstreamStubs.simplePage("young",
                versions)));
        run.backfillAll = true;

        SeriesObservation series = observe("young");

        assertThat(signal(series, "releases")).containsExactly(
                new Flow("releases", today.minusDays(45), today.minusDays(30), 1),
                new Flow("releases", today.minusDays(30), today, 1)); // the release candidate is no release
        assertThat(series.origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
    }

    @Test
    void saysWhyDownloadsAreMissingWhenPypistatsHasNoDataForThePackage() throws Exception {
        stubs.everything("optax", "optax", "0.2.8").recent("optax", UpstreamStubs.pypistatsNotFound());

        SeriesObservation series = observe("optax");

        assertThat(signal(series, "downloads")).isEmpty();
        assertThat(signal(series, "releases")).hasSize(ReleaseWindows.RECENT);
        assertThat(series.missing()).containsExactly(
                new MissingSignal("downloads", "pypistats has no download data for 'optax'"));
    }

    @Test
    void aBackfillWithoutTheReleaseHistoryGoesOutAsACollectionSoTheNextRunTriesAgain() throws Exception {
        // jaxlib's JSON API answer has no releases map: with the Simple API down there is no history
        stubs.everything("jaxlib", "jaxlib", "0.5.0").simple("jaxlib", aResponse().withStatus(503));
        run.backfillAll = true;

        SeriesObservation series = observe("jaxlib");

        assertThat(series.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
        assertThat(signal(series, "releases")).isEmpty();
        assertThat(signal(series, "downloads")).hasSize(178);
        assertThat(series.missing()).extracting(MissingSignal::signal).containsExactly("releases");
    }

    @Test
    void aPackagePyPiDoesNotKnowHasNoSeries() throws Exception {
        stubs.unknown("ghost-package-xyz");

        assertThat(observe("ghost-package-xyz")).isNull();
    }

    private SeriesObservation observe(String name) throws InterruptedException {
        return observer.observe(new CollectionTarget("optax", name), run, null).series();
    }

    private static List<Flow> signal(SeriesObservation series, String signal) {
        return series.flows().stream().filter(f -> f.signal().equals(signal)).toList();
    }

    private static LocalDate today(SeriesObservation series) {
        return LocalDate.ofInstant(series.observedAt(), ZoneOffset.UTC);
    }
}
