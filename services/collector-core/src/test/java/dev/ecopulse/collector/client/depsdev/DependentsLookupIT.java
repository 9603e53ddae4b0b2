package dev.ecopulse.collector.client.depsdev;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.contract.event.DependentCounts;
import dev.ecopulse.testsupport.DepsDevStubs;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** deps.dev dependents in the real response format: the default version, omissions, fresh releases, 429s. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.depsdev.url"))
class DependentsLookupIT {

    private static final Instant LAST_YEAR = Instant.now().minus(Duration.ofDays(300));
    private static final String TORCH = DepsDevStubs.dependentsPath("pypi", "torch", "2.9.1");

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    DependentsLookup lookup;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        DepsDevStubs.versions(wireMock, "pypi", "torch", "2.9.1", LAST_YEAR, "2.9.0");
    }

    @Test
    void readsBothCountsOfTheDefaultVersion() throws Exception {
        wireMock.stubFor(get(TORCH).willReturn(okJson(
                "{\"dependentCount\":120345,\"directDependentCount\":25012,\"indirectDependentCount\":95333}")));

        assertThat(lookup.dependents("pypi", "torch", null)).isEqualTo(Fetched.of(new DependentCounts(25012L, 120345L)));
    }

    @Test
    void aFreshReleaseThatIsNotTheDefaultYetKeepsTheDefaultVersionsCount() throws Exception {
        // 2.10.0 came out yesterday: deps.dev lists it but still points its default at 2.9.1
        wireMock.stubFor(get(urlEqualTo(DepsDevStubs.packagePath("pypi", "torch"))).willReturn(okJson(
                "{\"versions\":[{\"versionKey\":{\"version\":\"2.9.1\"},\"publishedAt\":\"" + LAST_YEAR
                        + "\",\"isDefault\":true},{\"versionKey\":{\"version\":\"2.10.0\"},\"publishedAt\":\""
                        + Instant.now().minus(Duration.ofDays(1)) + "\"}]}")));
        wireMock.stubFor(get(TORCH).willReturn(okJson("{\"dependentCount\":900,\"directDependentCount\":300}")));
        DepsDevStubs.dependents(wireMock, "pypi", "torch", "2.10.0", "{}");

        assertThat(lookup.dependents("pypi", "torch", null).value()).isEqualTo(new DependentCounts(300L, 900L));
        wireMock.verify(0, getRequestedFor(urlEqualTo(DepsDevStubs.dependentsPath("pypi", "torch", "2.10.0"))));
    }

    @Test
    void aFreshDefaultVersionNotAnalysedYetIsMissingNeverZero() throws Exception {
        DepsDevStubs.versions(wireMock, "pypi", "torch", "2.10.0", Instant.now().minus(Duration.ofDays(1)), "2.9.1");
        DepsDevStubs.dependents(wireMock, "pypi", "torch", "2.10.0", "{}");

        Fetched<DependentCounts> fresh = lookup.dependents("pypi", "torch", null);

        assertThat(fresh.value()).isNull();
        assertThat(fresh.missingReason())
                .isEqualTo("deps.dev has not analysed the dependents of torch 2.10.0 (its default version) yet");

        wireMock.stubFor(get(urlEqualTo(DepsDevStubs.dependentsPath("pypi", "torch", "2.10.0")))
                .willReturn(aResponse().withStatus(404)));
        assertThat(lookup.dependents("pypi", "torch", null).missingReason())
                .isEqualTo("deps.dev has not analysed the dependents of torch 2.10.0 (its default version) yet");
    }

    @Test
    void readsOmittedCountsAsZeroAsProto3JsonMeansForAnAnalysedVersion() throws Exception {
        wireMock.stubFor(get(TORCH).willReturn(okJson("{\"dependentCount\":7,\"indirectDependentCount\":7}")));
        assertThat(lookup.dependents("pypi", "torch", null).value()).isEqualTo(new DependentCounts(0L, 7L));

        wireMock.stubFor(get(TORCH).willReturn(okJson("{}")));
        assertThat(lookup.dependents("pypi", "torch", null).value()).isEqualTo(new DependentCounts(0L, 0L));
    }

    @Test
    void percentEncodesMavenCoordinates() throws Exception {
        DepsDevStubs.versions(wireMock, "maven", "org.pytorch:pytorch_android", "2.1.0", LAST_YEAR);
        String path = "/v3alpha/systems/maven/packages/org.pytorch%3Apytorch_android/versions/2.1.0:dependents";
        wireMock.stubFor(get(urlEqualTo(path)).willReturn(okJson("{\"dependentCount\":3,\"directDependentCount\":3}")));

        assertThat(lookup.dependents("maven", "org.pytorch:pytorch_android", null).value())
                .isEqualTo(new DependentCounts(3L, 3L));
        wireMock.verify(getRequestedFor(urlEqualTo("/v3/systems/maven/packages/org.pytorch%3Apytorch_android")));
        wireMock.verify(getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void waitsOutA429AndThenReads() throws Exception {
        wireMock.stubFor(get(TORCH).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("calm"));
        wireMock.stubFor(get(TORCH).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(okJson("{\"dependentCount\":9,\"directDependentCount\":4}")));

        assertThat(lookup.dependents("pypi", "torch", null).value()).isEqualTo(new DependentCounts(4L, 9L));
    }

    @Test
    void reportsMissingWithTheReasonInsteadOfANumber() throws Exception {
        wireMock.stubFor(get(urlEqualTo(DepsDevStubs.packagePath("pypi", "nope"))).willReturn(aResponse()
                .withStatus(404)));
        assertThat(lookup.dependents("pypi", "nope", null).missingReason()).isEqualTo("deps.dev does not know nope");

        wireMock.stubFor(get(urlEqualTo(DepsDevStubs.packagePath("pypi", "flax"))).willReturn(okJson(
                "{\"versions\":[{\"versionKey\":{\"version\":\"0.1\"}}]}")));
        assertThat(lookup.dependents("pypi", "flax", null).missingReason())
                .isEqualTo("deps.dev marks no default version of flax");

        wireMock.stubFor(get(TORCH).willReturn(okJson("{\"dependentCount\":12,\"directDep")));
        assertThat(lookup.dependents("pypi", "torch", null).missingReason()).isEqualTo("deps.dev answered malformed JSON");

        wireMock.stubFor(get(TORCH).willReturn(okJson("{\"dependentCount\":\"many\"}")));
        assertThat(lookup.dependents("pypi", "torch", null).missingReason())
                .isEqualTo("deps.dev answered a non-numeric dependent count");

        wireMock.stubFor(get(TORCH).willReturn(aResponse().withStatus(503)));
        assertThat(lookup.dependents("pypi", "torch", null).missingReason()).isEqualTo("deps.dev answered HTTP 503");
    }
}
