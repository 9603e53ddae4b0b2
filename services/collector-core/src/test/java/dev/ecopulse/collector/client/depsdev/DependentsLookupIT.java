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
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** deps.dev dependents in the real response format, including its omissions and its 429s. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.depsdev.url"))
class DependentsLookupIT {

    private static final String TORCH = "/v3alpha/systems/pypi/packages/torch/versions/2.9.1:dependents";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    DependentsLookup lookup;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    @Test
    void readsBothCounts() throws Exception {
        wireMock.stubFor(get(TORCH).willReturn(okJson(
                "{\"dependentCount\":120345,\"directDependentCount\":25012,\"indirectDependentCount\":95333}")));

        assertThat(lookup.dependents("pypi", "pypi", "torch", "2.9.1"))
                .isEqualTo(Fetched.of(new DependentCounts(25012L, 120345L)));
    }

    @Test
    void readsOmittedCountsAsZeroAsProto3JsonMeans() throws Exception {
        wireMock.stubFor(get(TORCH).willReturn(okJson("{\"dependentCount\":7,\"indirectDependentCount\":7}")));

        assertThat(lookup.dependents("pypi", "pypi", "torch", "2.9.1").value())
                .isEqualTo(new DependentCounts(0L, 7L));
    }

    @Test
    void percentEncodesMavenCoordinates() throws Exception {
        String path = "/v3alpha/systems/maven/packages/org.pytorch%3Apytorch_android/versions/2.1.0:dependents";
        wireMock.stubFor(get(urlEqualTo(path)).willReturn(okJson("{\"dependentCount\":3,\"directDependentCount\":3}")));

        assertThat(lookup.dependents("maven", "maven", "org.pytorch:pytorch_android", "2.1.0").value())
                .isEqualTo(new DependentCounts(3L, 3L));
        wireMock.verify(getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void waitsOutA429AndThenReads() throws Exception {
        wireMock.stubFor(get(TORCH).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("calm"));
        wireMock.stubFor(get(TORCH).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(okJson("{\"dependentCount\":9,\"directDependentCount\":4}")));

        assertThat(lookup.dependents("pypi", "pypi", "torch", "2.9.1").value())
                .isEqualTo(new DependentCounts(4L, 9L));
    }

    @Test
    void reportsMissingWithTheReasonInsteadOfANumber() throws Exception {
        wireMock.stubFor(get(TORCH).willReturn(aResponse().withStatus(404)));
        assertThat(lookup.dependents("pypi", "pypi", "torch", "2.9.1").missingReason())
                .isEqualTo("deps.dev has no dependents data for torch 2.9.1");

        wireMock.stubFor(get(TORCH).willReturn(okJson("{\"dependentCount\":12,\"directDep")));
        assertThat(lookup.dependents("pypi", "pypi", "torch", "2.9.1").missingReason())
                .isEqualTo("deps.dev answered malformed JSON");

        wireMock.stubFor(get(TORCH).willReturn(okJson("{\"dependentCount\":\"many\"}")));
        assertThat(lookup.dependents("pypi", "pypi", "torch", "2.9.1").missingReason())
                .isEqualTo("deps.dev answered a non-numeric dependent count");

        wireMock.stubFor(get(TORCH).willReturn(aResponse().withStatus(503)));
        assertThat(lookup.dependents("pypi", "pypi", "torch", "2.9.1").missingReason())
                .isEqualTo("deps.dev answered HTTP 503");
    }
}
