package dev.ecopulse.maven.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.contract.event.DependentCounts;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.MavenObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.maven.client.Coordinate;
import dev.ecopulse.maven.client.VersionRelease;
import dev.ecopulse.maven.testing.MavenStubs;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One artifact against the three upstreams in their real formats, including the ways each of them goes wrong. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "test.wiremock.url"))
class ArtifactObserverIT {

    static final Coordinate TORCH = Coordinate.parse("org.pytorch:pytorch_android");
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

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
    void computesTheHighestVersionWhenReleaseIsNotItAndAsksDepsDevAboutTheHighestRelease() throws Exception {
        MavenStubs.metadata(wireMock, TORCH, MavenStubs.metadataXml(TORCH, "1.13.1", "20231004194020",
                List.of("1.9.0", "1.10.0", "2.1.0", "2.2.0-rc1", "1.13.1")));
        MavenStubs.search(wireMock, TORCH, List.of(new VersionRelease("1.9.0", days(900)),
                new VersionRelease("1.10.0", days(700)), new VersionRelease("1.13.1", days(400)),
                new VersionRelease("2.1.0", days(100)), new VersionRelease("2.2.0-rc1", days(20))), 200);
        MavenStubs.dependents(wireMock, TORCH, "2.1.0",
                "{\"dependentCount\":412,\"directDependentCount\":57,\"indirectDependentCount\":355}");

        MavenObservation o = observe(TORCH);

        assertThat(o.status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(o.repository()).isEqualTo(new MavenObservation.Metadata(5L, "2.2.0-rc1",
                Instant.parse("2023-10-04T19:40:20Z"), "2.1.0"));
        // 2.2.0-rc1 is no release for cadence: gaps of 200, 300 and 300 days between the stable ones, median 300;
        // one pre-release in five versions
        assertThat(o.search()).isEqualTo(new MavenObservation.Releases(days(900), days(100), 1L, 300.0, 100L, 0.2));
        assertThat(o.depsdev()).isEqualTo(new DependentCounts(57L, 412L));
        assertThat(o.missing()).isEmpty();
        assertThat(EventSchemas.validate(ObservationSource.MAVEN.eventType(),
                EventJson.mapper().valueToTree(o))).isEmpty();
    }

    @Test
    void pagesThroughMoreThan200VersionsAskingAtMost200AtATime() throws Exception {
        List<VersionRelease> releases = MavenStubs.weekly(230, NOW, 3);
        MavenStubs.metadata(wireMock, TORCH, MavenStubs.metadataXml(TORCH, "1.0.0", "20261120000000",
                releases.stream().map(VersionRelease::version).toList()));
        MavenStubs.search(wireMock, TORCH, releases, 200);
        MavenStubs.dependents(wireMock, TORCH, "1.2.29", "{\"dependentCount\":3,\"directDependentCount\":3}");

        MavenObservation o = observe(TORCH);

        assertThat(o.repository().versionCount()).isEqualTo(230);
        assertThat(o.repository().highestVersion()).isEqualTo("1.2.29");
        assertThat(o.search().firstReleaseAt()).isEqualTo(days(3 + 7 * 229));
        assertThat(o.search().releasesLast365Days()).isEqualTo(52); // 3, 10, ... 360 days ago
        assertThat(o.search().medianDaysBetweenReleases()).isEqualTo(7.0);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/solrsearch/select")).withQueryParam("rows", equalTo("200")));
        wireMock.verify(getRequestedFor(urlPathEqualTo("/solrsearch/select")).withQueryParam("start", equalTo("200")));
    }

    @Test
    void aSearchThatAnswersShortPagesIsStillReadToTheEnd() throws Exception {
        List<VersionRelease> releases = MavenStubs.weekly(45, NOW, 1);
        MavenStubs.metadata(wireMock, TORCH, MavenStubs.metadataXml(TORCH, "1.0.44", "20261120000000",
                releases.stream().map(VersionRelease::version).toList()));
        MavenStubs.search(wireMock, TORCH, releases, 20); // Central's default page size, whatever rows says
        MavenStubs.dependents(wireMock, TORCH, "1.0.44", "{\"dependentCount\":1,\"directDependentCount\":1}");

        MavenObservation o = observe(TORCH);

        assertThat(o.search().firstReleaseAt()).isEqualTo(days(1 + 7 * 44));
        assertThat(o.missing()).isEmpty();
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/solrsearch/select")));
    }

    @Test
    void aSearchTimeoutIsRetriedThenMissingWhileMetadataAndDependentsStillCount() throws Exception {
        MavenStubs.metadata(wireMock, TORCH, MavenStubs.metadataXml(TORCH, "2.1.0", "20231004194020",
                List.of("2.0.0", "2.1.0")));
        wireMock.stubFor(MavenStubs.searchRequest(TORCH, 0).willReturn(okJson(MavenStubs.searchJson(TORCH, 0, 0,
                200, List.of())).withFixedDelay(2_000)));
        MavenStubs.dependents(wireMock, TORCH, "2.1.0", "{\"dependentCount\":40,\"directDependentCount\":8}");

        MavenObservation o = observe(TORCH);

        assertThat(o.search()).isNull();
        assertThat(o.missing()).containsExactly(
                new MissingSignal("search", "Central search did not answer within 500 ms (3 attempts)"));
        assertThat(o.repository().highestVersion()).isEqualTo("2.1.0");
        assertThat(o.depsdev()).isEqualTo(new DependentCounts(8L, 40L));
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/solrsearch/select")));
    }

    @Test
    void anArtifactTheRepositoryDoesNotHaveIsNotFoundAndNothingElseIsAsked() throws Exception {
        Coordinate gone = Coordinate.parse("org.pytorch:pytorch_android_gone");
        wireMock.stubFor(get(urlEqualTo(MavenStubs.metadataPath(gone))).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html><body>404 Not Found</body></html>")));

        MavenObservation o = observe(gone);

        assertThat(o.status()).isEqualTo(SubjectStatus.NOT_FOUND);
        assertThat(o.repository()).isNull();
        assertThat(o.search()).isNull();
        assertThat(o.depsdev()).isNull();
        assertThat(o.missing()).extracting(MissingSignal::signal).containsExactly("repository", "search", "depsdev");
        assertThat(o.missing().get(0).reason())
                .isEqualTo("org.pytorch:pytorch_android_gone is not in the repository (maven-metadata.xml answered 404)");
        assertThat(wireMock.getAllServeEvents()).hasSize(1);
    }

    @Test
    void depsDevOmittingZeroCountsOrKnowingNothingNeverBecomesAWrongNumber() throws Exception {
        MavenStubs.metadata(wireMock, TORCH, MavenStubs.metadataXml(TORCH, "2.1.0", "20231004194020",
                List.of("2.1.0")));
        MavenStubs.search(wireMock, TORCH, List.of(new VersionRelease("2.1.0", days(100))), 200);

        MavenStubs.dependents(wireMock, TORCH, "2.1.0", "{\"dependentCount\":12,\"indirectDependentCount\":12}");
        assertThat(observe(TORCH).depsdev()).isEqualTo(new DependentCounts(0L, 12L));

        wireMock.stubFor(get(urlEqualTo(MavenStubs.dependentsPath(TORCH, "2.1.0")))
                .willReturn(aResponse().withStatus(404).withBody("{\"code\":5,\"message\":\"version not found\"}")));
        MavenObservation unknown = observe(TORCH);
        assertThat(unknown.depsdev()).isNull();
        assertThat(unknown.missing()).contains(new MissingSignal("depsdev",
                "deps.dev has not analysed the dependents of org.pytorch:pytorch_android 2.1.0 (its default version)"
                        + " yet"));

        MavenStubs.dependents(wireMock, TORCH, "2.1.0", "{\"dependentCount\":\"lots\"}");
        assertThat(observe(TORCH).missing()).contains(new MissingSignal("depsdev",
                "deps.dev answered a non-numeric dependent count"));
        assertThat(observe(TORCH).search().releasesLast365Days()).isEqualTo(1);
    }

    @Test
    void malformedMetadataIsMissingWithTheReasonAndTheOtherSignalsStay() throws Exception {
        MavenStubs.metadata(wireMock, TORCH, "<metadata><groupId>org.pytorch</groupId><versioning><versions>"
                + "<version>2.1.0</version><version>9.9.9</versions>");
        MavenStubs.search(wireMock, TORCH, List.of(new VersionRelease("2.1.0", days(100))), 200);

        MavenObservation o = observe(TORCH);

        assertThat(o.status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(o.repository()).isNull();
        assertThat(o.search().latestReleaseAt()).isEqualTo(days(100));
        assertThat(o.missing()).extracting(MissingSignal::signal).containsExactly("repository",
                "search.medianDaysBetweenReleases", "depsdev");
        assertThat(o.missing().get(0).reason()).startsWith("maven-metadata.xml cannot be used: it is not well-formed");
        assertThat(o.missing().get(2).reason())
                .isEqualTo("no version to ask deps.dev about: maven-metadata.xml gave no versions");
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(MavenStubs.dependentsPath(TORCH, "9.9.9"))));
    }

    @Test
    void metadataWithAnExternalEntityIsRefusedWithoutFetchingIt() throws Exception {
        wireMock.stubFor(get(urlEqualTo("/entity")).willReturn(aResponse().withBody("9.9.9")));
        MavenStubs.metadata(wireMock, TORCH, "<?xml version=\"1.0\"?><!DOCTYPE metadata [<!ENTITY v SYSTEM \""
                + wireMock.baseUrl() + "/entity\">]><metadata><versioning><versions><version>&v;</version>"
                + "</versions></versioning></metadata>");
        MavenStubs.search(wireMock, TORCH, List.of(new VersionRelease("2.1.0", days(100))), 200);

        MavenObservation o = observe(TORCH);

        assertThat(o.repository()).isNull();
        assertThat(o.missing().get(0).reason()).contains("DOCTYPE");
        wireMock.verify(0, getRequestedFor(urlEqualTo("/entity")));
    }

    @Test
    void aThrottledRepositoryIsWaitedOutAsAskedAndTheLookupContinues() throws Exception {
        wireMock.stubFor(get(urlEqualTo(MavenStubs.metadataPath(TORCH))).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("calm"));
        wireMock.stubFor(get(urlEqualTo(MavenStubs.metadataPath(TORCH))).inScenario("busy")
                .whenScenarioStateIs("calm").willReturn(aResponse().withStatus(200)
                        .withBody(MavenStubs.metadataXml(TORCH, "2.1.0", "20231004194020", List.of("2.1.0")))));
        MavenStubs.search(wireMock, TORCH, List.of(new VersionRelease("2.1.0", days(100))), 200);
        MavenStubs.dependents(wireMock, TORCH, "2.1.0", "{\"dependentCount\":2,\"directDependentCount\":1}");

        MavenObservation o = observer.observe("torch", TORCH, NOW, run).observation();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(run.statuses).containsExactly("waiting 7 s: the repository answered 429 to "
                + MavenStubs.metadataPath(TORCH), null);
        assertThat(o.repository().highestVersion()).isEqualTo("2.1.0");
        assertThat(o.depsdev()).isEqualTo(new DependentCounts(1L, 2L));
        assertThat(run.cost).isEqualTo(5); // 429, metadata, search, deps.dev package and dependents
    }

    @Test
    void aRepositoryThatAsksForTooLongAWaitIsGivenUpForThisRunOnly() throws Exception {
        wireMock.stubFor(get(urlEqualTo(MavenStubs.metadataPath(TORCH)))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        MavenStubs.search(wireMock, TORCH, List.of(new VersionRelease("2.1.0", days(100))), 200);

        ArtifactObserver.Observed observed = observer.observe("torch", TORCH, NOW, run);

        assertThat(time.sleeps()).isEmpty();
        assertThat(observed.observation().missing()).contains(new MissingSignal("repository",
                "the repository answered 429 asking to wait 3600 s, longer than the 60 s allowed"));
        assertThat(observed.observation().search()).isNotNull();
        assertThat(observed.problems()).hasSize(1);
    }

    @Test
    void withNeitherRepositoryNorSearchThereIsNoObservationButAReason() throws Exception {
        wireMock.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));

        ArtifactObserver.Observed observed = observer.observe("torch", TORCH, NOW, run);

        assertThat(observed.observation()).isNull();
        assertThat(observed.failure()).isEqualTo("maven-metadata.xml: the repository answered HTTP 503; search: "
                + "Central search answered HTTP 503 (3 attempts)");
    }

    private MavenObservation observe(Coordinate coordinate) throws InterruptedException {
        return observer.observe("torch", coordinate, NOW, run).observation();
    }

    private static Instant days(int ago) {
        return NOW.minus(Duration.ofDays(ago));
    }
}
