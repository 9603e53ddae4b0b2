package dev.ecopulse.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.ecopulse.collector.run.BackfillLedger;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GitHub replay files of {@code deploy/local/run.sh --offline} answer what the collector asks: a backfill's year
 * of commit windows in batches of 25 on the first collection, the recent windows (snapshot 2) on the next.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG, value = "ecopulse.github.api-url"))
class OfflineReplayIT {

    static final Path REPLAY = Path.of(System.getProperty("ecopulse.deploy.dir", "../../deploy"),
            "local", "offline", "replay");

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    VirtualTime time;

    @Inject
    BackfillLedger ledger;

    @BeforeEach
    void replayGithub() throws Exception {
        wireMock.resetAll();
        TestTime.resetToNow(time);
        Runs.backfilled(ledger);
        // the replay server's mappings, each body read from its file as the server would
        for (JsonNode mapping : EventJson.mapper().readTree(REPLAY.resolve("mappings/github.json").toFile())
                .get("mappings")) {
            ObjectNode response = (ObjectNode) mapping.get("response");
            if (response.has("bodyFileName")) {
                response.put("body", Files.readString(REPLAY.resolve("__files")
                        .resolve(response.remove("bodyFileName").asText())));
            }
            wireMock.addStubMapping(StubMapping.buildFrom(mapping.toString()));
        }
    }

    @Test
    void theFirstCollectionGetsAYearOfWindowsAndTheNextOneTheRecentWindowsOfSnapshotTwo() {
        int n = GithubStubs.TARGETS.size();

        String first = Runs.startBackfill(); // as a first collection with an empty ledger
        JsonPath run = Runs.finished(first);

        assertThat(run.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("failed")).isZero();
        assertThat(run.getList("errors")).isEmpty();
        List<SeriesObservation> backfill = Runs.seriesEvents(first, n).stream().map(Runs::series).toList();
        assertThat(backfill).hasSize(n).allSatisfy(s -> {
            assertThat(s.origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
            assertThat(s.flows()).filteredOn(f -> f.signal().equals("commits")).hasSize(13);
            assertThat(s.flows()).filteredOn(f -> f.signal().equals("releases")).isNotEmpty();
        });
        long torchStars = Runs.of(Runs.events(first, n), "torch").stars();

        String next = Runs.start();

        assertThat(Runs.finished(next).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(Runs.seriesEvents(next, n)).hasSize(n).map(Runs::series).allSatisfy(s -> {
            assertThat(s.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
            assertThat(s.flows()).filteredOn(f -> f.signal().equals("commits")).hasSize(6);
        });
        assertThat(Runs.of(Runs.events(next, n), "torch").stars()).isGreaterThan(torchStars); // snapshot 2
    }
}
