package dev.ecopulse.npm.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.NpmObservation;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.npm.support.Fixtures;
import dev.ecopulse.npm.support.UpstreamStubs;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One package after the other against WireMock: what each kind of npm answer makes of the observation. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.npm.registry-url,ecopulse.npm.downloads-url"))
class PackageObservationIT {

    static final String UA = "ecopulse-npm-collector/0.1.0 (+https://ecopulse.dev)";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    NpmCollector collector;

    @Inject
    VirtualTime time;

    UpstreamStubs stubs;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        TestTime.reset(time);
        stubs = new UpstreamStubs(wireMock);
    }

    @Test
    void readsTheFullRegistryDocumentAndTheYearOfDownloads() throws Exception {
        stubs.registry("onnxruntime-web", UpstreamStubs.registryOk(Fixtures.read("registry/onnxruntime-web.json")))
                .range("onnxruntime-web", UpstreamStubs.downloadsOk(UpstreamStubs.rangeBody("onnxruntime-web",
                        10, 7)));

        RecordingRun run = collect("onnxruntime-web");

        NpmObservation o = only(run);
        assertThat(o.status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(o.registry()).isEqualTo(new NpmObservation.Registry("1.23.0",
                Instant.parse("2024-01-05T08:12:44.512Z"), Instant.parse("2026-02-10T18:21:45.076Z"), 10L, 1L,
                Double.valueOf(o.registry().medianDaysBetweenReleases()), 290L, false, "MIT"));
        assertThat(o.registry().medianDaysBetweenReleases()).isBetween(20.0, 120.0);
        assertThat(o.downloads()).isEqualTo(new NpmObservation.Downloads(7L, 67L, 297L, 3647L));
        assertThat(o.missing()).isEmpty();
        wireMock.verify(getRequestedFor(urlEqualTo("/onnxruntime-web")).withHeader("Accept", equalTo(
                "application/json")).withHeader("User-Agent", equalTo(UA)));
        SeriesObservation series = run.series.get(0);
        assertThat(series.flows()).filteredOn(f -> f.signal().equals("downloads")).hasSize(60);
        assertThat(run.cost).isEqualTo(2);
    }

    @Test
    void asksUnscopedNamesInOneBulkQueryAndScopedNamesAloneWithTheirSlash() throws Exception {
        for (String name : List.of("onnxruntime-web", "onnxruntime-node", "@tensorflow/tfjs", "@xenova/transformers")) {
            stubs.everything(name);
        }
        stubs.bulk(List.of("onnxruntime-web", "onnxruntime-node"), UpstreamStubs.downloadsOk(UpstreamStubs.bulkBody(
                List.of("onnxruntime-web", "onnxruntime-node"), Set.of())));

        RecordingRun run = collect("onnxruntime-web", "@tensorflow/tfjs", "onnxruntime-node", "@xenova/transformers");

        assertThat(run.published).hasSize(4).allSatisfy(o -> {
            assertThat(((NpmObservation) o).downloads()).isEqualTo(new NpmObservation.Downloads(7L, 67L, 297L,
                    3647L));
            assertThat(((NpmObservation) o).registry().latestVersion()).isEqualTo("2.1.0");
        });
        wireMock.verify(1, getRequestedFor(urlEqualTo("/downloads/range/last-year/onnxruntime-web,onnxruntime-node")));
        wireMock.verify(1, getRequestedFor(urlEqualTo("/downloads/range/last-year/@tensorflow/tfjs")));
        wireMock.verify(1, getRequestedFor(urlEqualTo("/@tensorflow%2Ftfjs")));
        wireMock.verify(0, getRequestedFor(urlEqualTo("/downloads/range/last-year/onnxruntime-web")));
        assertThat(run.cost).isEqualTo(4 + 1 + 2);
    }

    @Test
    void neverSendsAScopedNameInABulkQuery() throws Exception {
        List<String> names = List.of("a-pkg", "@s/one", "b-pkg", "@s/two", "c-pkg");
        names.forEach(stubs::everything);
        stubs.bulk(List.of("a-pkg", "b-pkg", "c-pkg"), UpstreamStubs.downloadsOk(UpstreamStubs.bulkBody(
                List.of("a-pkg", "b-pkg", "c-pkg"), Set.of())));
        // npm's answer, should one ever be sent
        wireMock.stubFor(get(urlMatching("/downloads/range/[^/]+/.*(@.*,|,@).*")).willReturn(
                UpstreamStubs.downloadsError(400, "scoped packages are not currently supported in bulk lookups")));

        RecordingRun run = collect(names.toArray(String[]::new));

        wireMock.verify(0, getRequestedFor(urlMatching("/downloads/.*(@.*,|,@).*")));
        assertThat(run.published).hasSize(5).allSatisfy(o -> assertThat(((NpmObservation) o).downloads()).isNotNull());
    }

    @Test
    void aBulkQueryRefusedWithAnErrorNamesItForEachPackage() throws Exception {
        stubs.everything("a-pkg").everything("b-pkg").bulk(List.of("a-pkg", "b-pkg"),
                UpstreamStubs.downloadsError(400, "scoped packages are not currently supported in bulk lookups"));

        RecordingRun run = collect("a-pkg", "b-pkg");

        String reason = "npm's download counts answered HTTP 400: scoped packages are not currently supported in bulk"
                + " lookups";
        assertThat(run.published).hasSize(2).allSatisfy(o -> assertThat(((NpmObservation) o).missing())
                .containsExactly(new MissingSignal("downloads", reason)));
        assertThat(run.series).allSatisfy(s -> assertThat(s.missing()).contains(new MissingSignal("downloads",
                reason)));
    }

    @Test
    void anUnknownUnscopedPackageIsNotFoundOnlyBecauseTheRegistrySaysSo() throws Exception {
        stubs.everything("real-pkg").unknown("ghost-package-xyz").registry("fresh-pkg", UpstreamStubs.registryOk(
                UpstreamStubs.document("fresh-pkg", "0.1.0", java.util.Map.of("0.1.0",
                        Instant.parse("2026-11-27T22:00:00Z")), Set.of(), "\"MIT\"")));
        List<String> names = List.of("real-pkg", "ghost-package-xyz", "fresh-pkg");
        stubs.bulk(names, UpstreamStubs.downloadsOk(UpstreamStubs.bulkBody(names, Set.of("ghost-package-xyz",
                "fresh-pkg"))));

        RecordingRun run = collect(names.toArray(String[]::new));

        NpmObservation ghost = (NpmObservation) run.published.get(1);
        assertThat(ghost.status()).isEqualTo(SubjectStatus.NOT_FOUND);
        assertThat(ghost.missing()).extracting(MissingSignal::signal).containsExactly("registry", "downloads");
        NpmObservation fresh = (NpmObservation) run.published.get(2);
        assertThat(fresh.status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(fresh.registry().latestVersion()).isEqualTo("0.1.0");
        assertThat(fresh.missing()).containsExactly(new MissingSignal("registry.medianDaysBetweenReleases",
                "a single release has no interval"), new MissingSignal("downloads",
                "npm's download counts list nothing for 'fresh-pkg' (null in the bulk answer)"));
        assertThat(run.series).hasSize(2).extracting(SeriesObservation::subject).containsExactly("real-pkg",
                "fresh-pkg");
    }

    @Test
    void anUnknownScopedPackageCostsOneRequest() throws Exception {
        stubs.unknown("@ghost/none");

        RecordingRun run = collect("@ghost/none");

        assertThat(only(run).status()).isEqualTo(SubjectStatus.NOT_FOUND);
        assertThat(only(run).missing()).contains(new MissingSignal("registry",
                "npm's registry has no package named '@ghost/none'"));
        wireMock.verify(0, getRequestedFor(urlMatching("/downloads/.*")));
        assertThat(run.cost).isEqualTo(1);
    }

    @Test
    void aMalformedRegistryDocumentLeavesTheRegistrySignalsMissing() throws Exception {
        stubs.everything("broken-pkg").registry("broken-pkg", UpstreamStubs.registryOk(
                "{\"_id\":\"broken-pkg\",\"name\":\"broken-pkg\",\"dist-tags\":{\"latest\":\"1.0.0\"},\"versions\":{"));

        RecordingRun run = collect("broken-pkg");

        NpmObservation o = only(run);
        assertThat(o.status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(o.registry()).isNull();
        assertThat(o.downloads().lastYear()).isEqualTo(3647);
        assertThat(o.missing()).containsExactly(new MissingSignal("registry",
                "npm's registry sent a document that is not well-formed JSON"));
        assertThat(run.errors).containsExactly("broken-pkg: npm's registry sent a document that is not well-formed"
                + " JSON");
    }

    @Test
    void aMalformedDownloadsAnswerLeavesTheDownloadsMissing() throws Exception {
        stubs.everything("@s/pkg").range("@s/pkg", UpstreamStubs.downloadsOk("{\"start\":\"2025-11-28\",\"end\":"));

        RecordingRun run = collect("@s/pkg");

        assertThat(only(run).downloads()).isNull();
        assertThat(only(run).missing()).containsExactly(new MissingSignal("downloads",
                "npm's download counts sent a malformed range answer"));
        assertThat(run.series.get(0).origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
    }

    @Test
    void theMaxDaysErrorIsNamedAsTheReason() throws Exception {
        stubs.everything("@s/pkg").range("@s/pkg", UpstreamStubs.downloadsError(400, "exceeded max days of 365"));

        RecordingRun run = collect("@s/pkg");

        assertThat(only(run).missing()).containsExactly(new MissingSignal("downloads",
                "npm's download counts answered HTTP 400: exceeded max days of 365"));
        assertThat(run.errors).containsExactly("@s/pkg: npm's download counts answered HTTP 400: exceeded max days"
                + " of 365");
    }

    @Test
    void sendsTheRegistrysETagAndReusesTheDocumentOn304() throws Exception {
        String body = Fixtures.read("registry/onnxruntime-web.json");
        stubs.everything("@s/etag").registry("@s/etag", UpstreamStubs.registryOk(body, "W/\"7a3c-19bf0e\""));
        collect("@s/etag");
        wireMock.stubFor(get(urlEqualTo("/@s%2Fetag")).withHeader("If-None-Match", equalTo("W/\"7a3c-19bf0e\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "W/\"7a3c-19bf0e\"")));

        RecordingRun second = collect("@s/etag");

        assertThat(only(second).registry().latestVersion()).isEqualTo("1.23.0");
        wireMock.verify(1, getRequestedFor(urlEqualTo("/@s%2Fetag")).withHeader("If-None-Match", absent()));
        wireMock.verify(1, getRequestedFor(urlEqualTo("/@s%2Fetag")).withHeader("If-None-Match",
                equalTo("W/\"7a3c-19bf0e\"")));
    }

    @Test
    void aDocumentAboveTheBodyCapLeavesTheRegistrySignalsMissingAndKeepsTheDownloads() throws Exception {
        char[] padding = new char[1_200_000];
        Arrays.fill(padding, 'x');
        String huge = Fixtures.read("registry/onnxruntime-web.json").replace("\"readmeFilename\"",
                "\"padding\": \"" + new String(padding) + "\", \"readmeFilename\"");
        stubs.everything("@s/huge").registry("@s/huge", UpstreamStubs.registryOk(huge));

        RecordingRun run = collect("@s/huge");

        assertThat(only(run).registry()).isNull();
        assertThat(only(run).downloads()).isNotNull();
        assertThat(only(run).missing()).singleElement().satisfies(m -> {
            assertThat(m.signal()).isEqualTo("registry");
            assertThat(m.reason()).contains("larger than the 1048576 bytes allowed (ecopulse.upstream.max-body-size)");
        });
    }

    @Test
    void aPackageNeitherHostAnswersForFailsWithBothReasons() throws Exception {
        stubs.registry("@s/down", aResponse().withStatus(503).withBody("upstream connect error"))
                .range("@s/down", aResponse().withStatus(503).withBody("<html>503</html>"));

        RecordingRun run = collect("@s/down");

        assertThat(run.published).isEmpty();
        assertThat(run.errors).last().asString().startsWith("@s/down: neither npm host answered usably")
                .contains("npm's registry answered HTTP 503").contains("npm's download counts answered HTTP 503");
    }

    private RecordingRun collect(String... names) throws Exception {
        RecordingRun run = new RecordingRun(Arrays.stream(names).map(n -> new CollectionTarget("p", n)).toList());
        collector.collect(run);
        return run;
    }

    private static NpmObservation only(RecordingRun run) {
        assertThat(run.published).hasSize(1);
        return (NpmObservation) run.published.get(0);
    }
}
