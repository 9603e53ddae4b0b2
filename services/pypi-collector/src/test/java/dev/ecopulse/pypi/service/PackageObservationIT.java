package dev.ecopulse.pypi.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.ecopulse.pypi.support.UpstreamStubs.jsonPath;
import static dev.ecopulse.pypi.support.UpstreamStubs.overallPath;
import static dev.ecopulse.pypi.support.UpstreamStubs.recentPath;
import static dev.ecopulse.pypi.support.UpstreamStubs.simplePath;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.DependentCounts;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.PypiObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.pypi.support.Fixtures;
import dev.ecopulse.pypi.client.pypistats.PypistatsClient;
import dev.ecopulse.pypi.support.UpstreamStubs;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One package observed against WireMock stubs of PyPI, pypistats and deps.dev in their real formats. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.pypi.url,ecopulse.pypistats.url,ecopulse.depsdev.url"))
class PackageObservationIT {

    static final String UA = "ecopulse-pypi-collector/0.1.0 (+https://ecopulse.dev)";

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
    void observesAPackageFromEveryUpstream() throws Exception {
        stubs.everything("optax", "optax", "0.2.8");

        PackageObserver.Outcome outcome = observe("optax", "optax");
        PypiObservation o = outcome.observation();

        assertThat(o.status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(o.missing()).isEmpty();
        assertThat(o.pypi()).isEqualTo(new PypiObservation.Registry("0.2.8",
                Instant.parse("2020-06-10T09:12:44.127650Z"), Instant.parse("2026-11-12T17:00:03.842210Z"), 16L, 2L,
                126.09, 15L, 0L, 4, "Beta", ">=3.9", 6L, "Apache-2.0"));
        assertThat(o.pypistats()).isEqualTo(new PypiObservation.Downloads(61_934L, 431_205L, 1_867_306L,
                1_810_448L, 1_880_425L, 5_512_892L, 4_918_817L));
        assertThat(o.depsdev()).isEqualTo(new DependentCounts(812L, 5234L));
        assertThat(run.cost).isEqualTo(6);
        assertThat(EventSchemas.validate(ObservationSource.PYPI.eventType(), EventJson.mapper().valueToTree(o)))
                .isEmpty();
        wireMock.verify(getRequestedFor(urlEqualTo(simplePath("optax")))
                .withHeader("Accept", equalTo(UpstreamStubs.SIMPLE_JSON)));
        wireMock.verify(6, getRequestedFor(urlMatching(".*")).withHeader("User-Agent", equalTo(UA)));
    }

    @Test
    void takesTheHistoryFromTheSimpleApiWhenTheJsonApiHasNoReleases() throws Exception {
        stubs.everything("jaxlib", "jaxlib", "0.5.0");

        PypiObservation o = observe("jax-core", "jaxlib").observation();

        assertThat(o.pypi()).isEqualTo(new PypiObservation.Registry("0.5.0",
                Instant.parse("2024-10-22T21:14:07.116345Z"), Instant.parse("2025-01-17T17:41:56.780014Z"), 4L, 0L,
                30.94, 679L, 0L, null, null, ">=3.10", 3L, "Apache-2.0"));
        assertThat(o.missing()).containsExactly(
                new MissingSignal("pypi.developmentStatus",
                        "the latest release declares no Development Status classifier"),
                new MissingSignal("pypi.developmentStatusLabel",
                        "the latest release declares no Development Status classifier"));
    }

    @Test
    void countsYankedReleasesApartFromTheCadence() throws Exception {
        stubs.everything("chex", "chex", "0.1.86");

        PypiObservation.Registry chex = observe("chex", "chex").observation().pypi();

        assertThat(chex.yankedReleases()).isEqualTo(1);
        assertThat(chex.releaseCount()).isEqualTo(4);
        assertThat(chex.medianDaysBetweenReleases()).isEqualTo(70.95);
        assertThat(chex.developmentStatus()).isEqualTo(5);
        assertThat(chex.developmentStatusLabel()).isEqualTo("Production/Stable");
    }

    @Test
    void reportsAPackageThatDoesNotExistWithoutAskingFurther() throws Exception {
        stubs.unknown("ghost-package-xyz");

        PypiObservation o = observe("ghost", "ghost-package-xyz").observation();

        assertThat(o.status()).isEqualTo(SubjectStatus.NOT_FOUND);
        assertThat(o.pypi()).isNull();
        assertThat(o.missing()).containsExactly(
                new MissingSignal("pypi", "PyPI has no project named 'ghost-package-xyz'"),
                new MissingSignal("pypistats", "not asked: the package does not exist on PyPI"),
                new MissingSignal("depsdev", "not asked: the package does not exist on PyPI"));
        assertThat(wireMock.getAllServeEvents()).hasSize(1);
    }

    @Test
    void listsDownloadsAsMissingWhenPypistatsHasNoDataForThePackage() throws Exception {
        stubs.everything("optax", "optax", "0.2.8").recent("optax", UpstreamStubs.pypistatsNotFound());

        PypiObservation o = observe("optax", "optax").observation();

        assertThat(o.pypistats()).isNull();
        assertThat(o.missing()).containsExactly(
                new MissingSignal("pypistats", "pypistats has no download data for 'optax'"));
        assertThat(o.pypi().latestVersion()).isEqualTo("0.2.8");
        wireMock.verify(0, getRequestedFor(urlEqualTo(overallPath("optax"))));
    }

    @Test
    void waitsWhatPypistatsAsksAfterA429AndContinues() throws Exception {
        stubs.everything("optax", "optax", "0.2.8");
        inSequence(recentPath("optax"), UpstreamStubs.tooManyRequests().withHeader("Retry-After", "30"),
                okJson(Fixtures.read("pypistats/optax-recent.json")));

        PackageObserver.Outcome outcome = observe("optax", "optax");

        assertThat(outcome.observation().pypistats().lastDay()).isEqualTo(61_934L);
        assertThat(outcome.observation().missing()).isEmpty();
        assertThat(outcome.downloadsThrottled()).isFalse();
        assertThat(time.pauses()).filteredOn(p -> p.activity() != null).containsExactly(new VirtualTime.Pause(
                Duration.ofSeconds(30), "waiting 30 s: pypistats answered 429 to /api/packages/optax/recent"));
    }

    @Test
    void backsOffAfterA429WithoutRetryAfterAndContinues() throws Exception {
        stubs.everything("optax", "optax", "0.2.8");
        inSequence(overallPath("optax"), UpstreamStubs.tooManyRequests(), UpstreamStubs.tooManyRequests(),
                okJson(Fixtures.read("pypistats/optax-overall.json")));

        PypiObservation o = observe("optax", "optax").observation();

        assertThat(o.pypistats().last90Days()).isEqualTo(5_512_892L);
        assertThat(time.waitsWhile("answered 429"))
                .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void keepsThePackageWhenPypistatsKeepsThrottling() throws Exception {
        stubs.everything("optax", "optax", "0.2.8").recent("optax", UpstreamStubs.tooManyRequests());

        PackageObserver.Outcome outcome = observe("optax", "optax");

        assertThat(outcome.downloadsThrottled()).isTrue();
        assertThat(outcome.observation().status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(outcome.observation().pypi().releaseCount()).isEqualTo(16);
        assertThat(outcome.observation().depsdev()).isEqualTo(new DependentCounts(812L, 5234L));
        assertThat(outcome.observation().missing()).containsExactly(new MissingSignal("pypistats",
                "pypistats answered 429 5 times in a row; not asked: pypistats was throttling this collector"));
        assertThat(outcome.problems()).containsExactly("pypistats answered 429 5 times in a row");
        assertThat(time.waitsWhile("answered 429")).hasSize(4);
        wireMock.verify(0, getRequestedFor(urlEqualTo(overallPath("optax"))));
    }

    @Test
    void readsDependentCountsWhoseZeroFieldsAreLeftOut() throws Exception {
        stubs.everything("optax", "optax", "0.2.8")
                .dependents("optax", "0.2.8", okJson("{\"dependentCount\":14,\"indirectDependentCount\":14}"));
        assertThat(observe("optax", "optax").observation().depsdev()).isEqualTo(new DependentCounts(0L, 14L));

        stubs.dependents("optax", "0.2.8", okJson("{}"));
        assertThat(observe("optax", "optax").observation().depsdev()).isEqualTo(new DependentCounts(0L, 0L));
    }

    @Test
    void aMalformedJsonApiAnswerLosesItsSignalsNotThePackage() throws Exception {
        String truncated = Fixtures.read("pypi/optax.json").substring(0, 4000);
        stubs.everything("optax", "optax", "0.2.8").json("optax", okJson(truncated));

        PypiObservation o = observe("optax", "optax").observation();

        assertThat(o.status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(o.pypi().latestVersion()).isNull();
        assertThat(o.pypi().releaseCount()).isEqualTo(16);
        assertThat(o.pypistats().lastDay()).isEqualTo(61_934L);
        assertThat(o.missing()).contains(
                new MissingSignal("pypi.latestVersion", "PyPI's JSON API answered malformed JSON"),
                new MissingSignal("pypi.license", "PyPI's JSON API answered malformed JSON"));
        assertThat(o.depsdev()).as("deps.dev names its default version itself")
                .isEqualTo(new DependentCounts(812L, 5234L));
        assertThat(EventSchemas.validate(ObservationSource.PYPI.eventType(), EventJson.mapper().valueToTree(o)))
                .isEmpty();
    }

    @Test
    void aMalformedSimplePageFallsBackToTheJsonApiReleases() throws Exception {
        stubs.everything("chex", "chex", "0.1.86").simple("chex", okJson("{\"files\": [{\"filename\": "));

        PypiObservation.Registry chex = observe("chex", "chex").observation().pypi();

        assertThat(chex.releaseCount()).isEqualTo(4);
        assertThat(chex.yankedReleases()).isEqualTo(1);
    }

    @Test
    void malformedDownloadsAreMissingNeverAWrongNumber() throws Exception {
        stubs.everything("optax", "optax", "0.2.8").overall("optax", okJson("{\"data\":[{\"category\":"
                + "\"without_mirrors\",\"date\":\"2026-11-27\",\"downloads\":61934},{\"category\":\"without_mirrors\","
                + "\"date\":\"2026-11-26\",\"downloads\":null}],\"package\":\"optax\",\"type\":\"overall_downloads\"}"))
                .recent("optax", okJson("{\"data\":{\"last_day\":61934,\"last_week\":\"431205\",\"last_month\":"
                        + "1867306},\"package\":\"optax\",\"type\":\"recent_downloads\"}"));

        PypiObservation o = observe("optax", "optax").observation();

        assertThat(o.pypistats()).isEqualTo(new PypiObservation.Downloads(61_934L, null, 1_867_306L, null, null,
                null, null));
        assertThat(o.missing()).containsExactly(
                new MissingSignal("pypistats.lastWeek", "pypistats gave no usable last_week"),
                new MissingSignal("pypistats.last30Days", "pypistats answered malformed overall downloads (entry 1)"),
                new MissingSignal("pypistats.previous30Days",
                        "pypistats answered malformed overall downloads (entry 1)"),
                new MissingSignal("pypistats.last90Days", "pypistats answered malformed overall downloads (entry 1)"),
                new MissingSignal("pypistats.previous90Days",
                        "pypistats answered malformed overall downloads (entry 1)"));
    }

    @Test
    void reusesAnUnchangedAnswerThroughItsEtag() throws Exception {
        stubs.everything("optax", "optax", "0.2.8")
                .json("optax", okJson(Fixtures.read("pypi/optax.json")).withHeader("ETag", "\"v26046316\""));
        PypiObservation first = observe("optax", "optax").observation();
        wireMock.stubFor(get(urlEqualTo(jsonPath("optax")))
                .withHeader("If-None-Match", equalTo("\"v26046316\"")).willReturn(aResponse().withStatus(304)));

        PypiObservation second = observe("optax", "optax").observation();

        assertThat(second.pypi()).isEqualTo(first.pypi());
        wireMock.verify(getRequestedFor(urlEqualTo(jsonPath("optax")))
                .withHeader("If-None-Match", equalTo("\"v26046316\"")));
    }

    @Test
    void reusesPypistatsAnswersWithinADayAsItAsks() throws Exception {
        stubs.everything("optax", "optax", "0.2.8");
        PypiObservation first = observe("optax", "optax").observation();

        long before = run.cost;
        PackageObserver.Outcome second = observe("optax", "optax");

        assertThat(second.observation().pypistats()).isEqualTo(first.pypistats());
        assertThat(run.cost - before).as("PyPI twice and deps.dev twice, pypistats not at all").isEqualTo(4);
        wireMock.verify(1, getRequestedFor(urlEqualTo(recentPath("optax"))));
        wireMock.verify(1, getRequestedFor(urlEqualTo(overallPath("optax"))));
    }

    @Test
    void aPackagePyPiDoesNotAnswerForYieldsNoObservation() throws Exception {
        stubs.json("optax", aResponse().withStatus(503)).simple("optax", aResponse().withStatus(503));

        PackageObserver.Outcome outcome = observe("optax", "optax");

        assertThat(outcome.observation()).isNull();
        assertThat(outcome.failure()).isEqualTo("neither PyPI API answered: PyPI's JSON API answered HTTP 503; "
                + "PyPI's Simple API answered HTTP 503");
    }

    @Test
    void staysUnderPypistatsThirtyRequestsPerMinute() throws Exception {
        for (int i = 0; i < 16; i++) {
            stubs.everything("pkg" + i, "optax", "0.2.8");
        }
        Instant start = time.now();

        for (int i = 0; i < 16; i++) {
            observe("p", "pkg" + i);
        }

        // 32 pypistats requests: the 31st waits for the first to leave the minute window
        assertThat(Duration.between(start, time.now())).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(70));
        assertThat(time.waitsWhile("answered 429")).isEmpty();
    }

    private PackageObserver.Outcome observe(String project, String name) throws InterruptedException {
        return observer.observe(new CollectionTarget(project, name), run, null);
    }

    private void inSequence(String path, ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            wireMock.stubFor(get(urlEqualTo(path))
                    .inScenario(path).whenScenarioStateIs(i == 0 ? "Started" : "step" + i)
                    .willReturn(answers[i]).willSetStateTo("step" + (i + 1)));
        }
    }
}
