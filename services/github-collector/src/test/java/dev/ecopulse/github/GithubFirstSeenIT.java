package dev.ecopulse.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Repositories this service has not backfilled yet: plain runs read their past once, and again only for those whose
 * backfill failed. An application of its own, so that its backfill ledger starts empty.
 */
@QuarkusTest
@TestProfile(GithubFirstSeenIT.FreshLedger.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG, value = "ecopulse.github.api-url"))
class GithubFirstSeenIT {

    /** The defaults, in an application of their own. */
    public static class FreshLedger implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ecopulse.github.backfill-batch-size", Integer.toString(GithubStubs.BACKFILL_BATCH));
        }
    }

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    VirtualTime time;

    @Test
    void repositoriesSeenFirstAreBackfilledOnceAndAFailedBackfillIsReadAgainByTheNextRun() {
        wireMock.resetAll();
        TestTime.resetToNow(time);
        GithubStubs github = new GithubStubs(wireMock, time.now());
        github.signals((i, answer) -> { });
        github.backfill((i, answer) -> { });
        github.contributors();
        int n = GithubStubs.TARGETS.size();
        String secondBatch = GithubStubs.TARGETS.get(GithubStubs.BACKFILL_BATCH).subject();
        StubMapping failing = wireMock.stubFor(GithubStubs.signalsQuery().atPriority(0)
                .withRequestBody(matchingJsonPath("$.variables.d13"))
                .withRequestBody(matchingJsonPath("$.variables.o0", equalTo(secondBatch.split("/")[0])))
                .withRequestBody(matchingJsonPath("$.variables.n0", equalTo(secondBatch.split("/")[1])))
                .willReturn(aResponse().withStatus(502)));

        // first run: every repository is new; the second backfill batch fails (retried, then given up)
        String first = Runs.start();

        io.restassured.path.json.JsonPath run = Runs.finished(first);
        assertThat(run.getString("state")).isEqualTo("SUCCEEDED"); // every repository observed (contributors)
        assertThat(run.getList("errors", String.class)).singleElement().asString().contains("502");
        assertThat(backfillQueries(github)).hasSize(1 + 3); // the failing one was sent three times
        assertThat(Runs.seriesEvents(first, GithubStubs.BACKFILL_BATCH)).hasSize(GithubStubs.BACKFILL_BATCH)
                .map(Runs::series).allSatisfy(s -> {
                    assertThat(s.origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
                    assertThat(s.flows()).filteredOn(f -> f.signal().equals("commits")).hasSize(13);
                });

        // second run: only the repositories whose backfill failed are read back a year
        wireMock.removeStubMapping(failing);
        wireMock.resetRequests();
        String second = Runs.start();

        assertThat(Runs.finished(second).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(backfillQueries(github)).singleElement().satisfies(q -> assertThat(
                GithubSeriesIT.variables(q).get("o0").asText() + "/" + GithubSeriesIT.variables(q).get("n0").asText())
                .isEqualTo(secondBatch));
        assertThat(github.servedGraphql("Signals")).hasSize(2);
        List<SeriesObservation> secondSeries = Runs.seriesEvents(second, n).stream().map(Runs::series).toList();
        assertThat(secondSeries).hasSize(n);
        assertThat(secondSeries).filteredOn(s -> s.origin().equals(SeriesObservation.ORIGIN_BACKFILL))
                .hasSize(n - GithubStubs.BACKFILL_BATCH);

        // third run: nothing left to backfill
        wireMock.resetRequests();
        String third = Runs.start();

        assertThat(Runs.finished(third).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(backfillQueries(github)).isEmpty();
        assertThat(Runs.seriesEvents(third, n)).hasSize(n).map(Runs::series)
                .allSatisfy(s -> assertThat(s.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION));
    }

    private static List<ServeEvent> backfillQueries(GithubStubs github) {
        return github.servedGraphql("Signals").stream()
                .filter(q -> GithubSeriesIT.variables(q).has("d13")).toList();
    }
}
