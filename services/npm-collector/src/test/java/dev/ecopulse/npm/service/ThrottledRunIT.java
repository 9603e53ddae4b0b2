package dev.ecopulse.npm.service;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.NpmObservation;
import dev.ecopulse.npm.support.UpstreamStubs;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * api.npmjs.org answering 429 with Cloudflare's error 1015 page: waits bounded, every package still published from
 * the registry, the downloads given up after two throttled queries and named as missing.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.npm.registry-url,ecopulse.npm.downloads-url"))
class ThrottledRunIT {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    NpmCollector collector;

    @Inject
    VirtualTime time;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        TestTime.reset(time);
    }

    @Test
    void stopsAskingForDownloadsAfterTwoThrottledQueriesAndNamesWhatIsMissing() throws Exception {
        UpstreamStubs stubs = new UpstreamStubs(wireMock);
        List<String> names = List.of("a-pkg", "b-pkg", "@s/one", "@s/two");
        for (String name : names) {
            stubs.everything(name).range(name, UpstreamStubs.cloudflare1015());
        }
        stubs.bulk(List.of("a-pkg", "b-pkg"), UpstreamStubs.cloudflare1015());
        RecordingRun run = new RecordingRun(names.stream().map(n -> new CollectionTarget("p", n)).toList());
        time.activityFrom(() -> run.status);

        collector.collect(run);

        assertThat(run.published).hasSize(4)
                .allSatisfy(o -> assertThat(((NpmObservation) o).registry()).isNotNull())
                .allSatisfy(o -> assertThat(((NpmObservation) o).downloads()).isNull());
        // the bulk query and @s/one: 3 waits each (5, 10, 20 s), then given up; @s/two is not asked
        assertThat(time.waitsWhile("answered 429")).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));
        wireMock.verify(0, getRequestedFor(urlEqualTo(UpstreamStubs.rangePath("@s/two"))));
        String given = "npm downloads answered 429 4 times in a row";
        assertThat(((NpmObservation) run.published.get(0)).missing()).containsExactly(
                new MissingSignal("downloads", given));
        assertThat(((NpmObservation) run.published.get(3)).missing()).containsExactly(
                new MissingSignal("downloads", DownloadGate.SKIPPED));
        assertThat(run.series.get(3).missing()).contains(new MissingSignal("downloads", DownloadGate.SKIPPED));
        assertThat(run.errors).containsExactly("a-pkg: " + given, "b-pkg: " + given,
                "api.npmjs.org kept answering 429 for 2 queries in a row; the remaining packages were observed"
                        + " without downloads", "@s/one: " + given);
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "ecopulse_collector_upstream_throttle_waits_seconds_count{application=\"ecopulse\","
                        + "service=\"npm-collector\",source=\"npm\",upstream=\"npm downloads\"}"));
    }

    @Test
    void waitsWhatRetryAfterAsksAndCarriesOn() throws Exception {
        UpstreamStubs stubs = new UpstreamStubs(wireMock);
        stubs.everything("@s/slow");
        wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(
                UpstreamStubs.rangePath("@s/slow"))).inScenario("throttled").whenScenarioStateIs(
                com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willReturn(UpstreamStubs.cloudflare1015()
                .withHeader("Retry-After", "30")).willSetStateTo("open"));
        wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(
                UpstreamStubs.rangePath("@s/slow"))).inScenario("throttled").whenScenarioStateIs("open")
                .willReturn(UpstreamStubs.downloadsOk(UpstreamStubs.rangeBody("@s/slow", 10, 7))));
        RecordingRun run = new RecordingRun(List.of(new CollectionTarget("p", "@s/slow")));
        time.activityFrom(() -> run.status);

        collector.collect(run);

        assertThat(time.waitsWhile("answered 429")).containsExactly(Duration.ofSeconds(30));
        assertThat(((NpmObservation) run.published.get(0)).downloads().lastYear()).isEqualTo(3647);
        assertThat(run.errors).isEmpty();
        assertThat(run.cost).isEqualTo(3);
    }

    @Test
    void pacesTheDownloadQueriesToOneEveryTwoSeconds() throws Exception {
        UpstreamStubs stubs = new UpstreamStubs(wireMock);
        List<String> names = List.of("@s/a", "@s/b", "@s/c");
        names.forEach(stubs::everything);
        RecordingRun run = new RecordingRun(names.stream().map(n -> new CollectionTarget("p", n)).toList());
        time.forgetPauses();

        collector.collect(run);

        assertThat(run.published).hasSize(3);
        assertThat(time.sleeps().stream().reduce(Duration.ZERO, Duration::plus))
                .as("three queries, two gaps").isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }
}
