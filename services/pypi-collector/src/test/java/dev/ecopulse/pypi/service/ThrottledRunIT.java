package dev.ecopulse.pypi.service;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.PypiObservation;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run against a pypistats that keeps answering 429: waits bounded, packages kept, pypistats skipped after a while. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.pypi.url,ecopulse.pypistats.url,ecopulse.depsdev.url"))
class ThrottledRunIT {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    PypiCollector collector;

    @Inject
    VirtualTime time;

    @Inject
    PypistatsClient pypistats;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        TestTime.reset(time);
        pypistats.forgetAnswers();
    }

    @Test
    void stopsAskingPypistatsAfterTwoThrottledPackagesAndKeepsEveryPackage() throws Exception {
        UpstreamStubs stubs = new UpstreamStubs(wireMock);
        List<String> names = List.of("optax", "jax", "flax", "torch");
        for (String name : names) {
            stubs.everything(name, "optax", "0.2.8").recent(name, UpstreamStubs.tooManyRequests());
        }
        RecordingRun run = new RecordingRun(names.stream().map(n -> new CollectionTarget(n, n)).toList());
        time.activityFrom(() -> run.status);

        collector.collect(run);

        assertThat(run.published).hasSize(4).allSatisfy(o -> assertThat(((PypiObservation) o).pypi()).isNotNull());
        assertThat(time.waitsWhile("answered 429")).hasSize(8); // 4 waits for each of the first two packages
        wireMock.verify(0, getRequestedFor(urlEqualTo(UpstreamStubs.recentPath("flax"))));
        wireMock.verify(0, getRequestedFor(urlEqualTo(UpstreamStubs.recentPath("torch"))));
        assertThat(((PypiObservation) run.published.get(3)).missing()).containsExactly(new MissingSignal("pypistats",
                "not asked: pypistats kept answering 429 earlier in this run"));
        assertThat(run.errors).containsExactly("optax: pypistats answered 429 5 times in a row",
                "jax: pypistats answered 429 5 times in a row",
                "pypistats kept answering 429 for 2 packages in a row; the remaining packages were observed without"
                        + " downloads");
        assertThat(run.statuses).anyMatch(s -> s != null && s.startsWith("waiting 5 s: pypistats answered 429"));
        assertThat(run.statuses.get(run.statuses.size() - 1)).isNull();
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "ecopulse_collector_upstream_throttle_waits_seconds_count{application=\"ecopulse\","
                        + "service=\"pypi-collector\",source=\"pypi\",upstream=\"pypistats\"}"));
    }
}
