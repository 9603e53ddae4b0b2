package dev.ecopulse.npm.service;

import static dev.ecopulse.collector.testing.CollectionRuns.runToTheEnd;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.Collector;
import dev.ecopulse.collector.run.Shard;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.npm.support.UpstreamStubs;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the npm collector share a catalog of 48 packages: this service is replica 0 of 2 (its run started
 * through the API), replica 1 is the same collector handed its own shard. Together they ask the registry for every
 * package once, the download counts API for every unscoped name once (each bulk query holds its replica's names
 * only) and every scoped name once.
 */
@QuarkusTest
@TestProfile(ShardedCollectionIT.FirstOfTwo.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.npm.registry-url,ecopulse.npm.downloads-url"))
class ShardedCollectionIT {

    static final String KEY = "test-admin-key-0123456789";
    static final Path CATALOG = Path.of("target/sharded-catalog.yaml");
    static final List<String> UNSCOPED = IntStream.range(0, 32).mapToObj(i -> "shard-pkg-" + i).toList();
    static final List<String> SCOPED = IntStream.range(0, 16).mapToObj(i -> "@shard/pkg-" + i).toList();

    /** Replica 0 of 2, over a generated catalog of 16 projects with two unscoped and one scoped package each. */
    public static class FirstOfTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            StringBuilder yaml = new StringBuilder("frameworks:\n  - id: fw\n    name: Framework\nprojects:\n");
            for (int i = 0; i < 16; i++) {
                yaml.append("  - id: project-").append(i).append("\n    name: Project ").append(i)
                        .append("\n    frameworks: [fw]\n    npm: [").append(UNSCOPED.get(2 * i)).append(", ")
                        .append(UNSCOPED.get(2 * i + 1)).append(", '").append(SCOPED.get(i)).append("']\n");
            }
            try {
                Files.createDirectories(CATALOG.getParent());
                Files.writeString(CATALOG, yaml);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("ecopulse.catalog.path", CATALOG.toString(), "ecopulse.collect.shard.count", "2",
                    "ecopulse.collect.shard.index", "0");
        }
    }

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    VirtualTime time;

    @Inject
    Collector collector;

    @Inject
    Catalog catalog;

    @Test
    void twoReplicasAskForEveryPackageExactlyOnce() throws Exception {
        wireMock.resetAll();
        TestTime.reset(time);
        List<CollectionTarget> first = new Shard(0, 2).select(collector.targets(catalog));
        List<CollectionTarget> second = new Shard(1, 2).select(collector.targets(catalog));
        stub(first);
        stub(second);

        String runId = runToTheEnd(KEY, "");
        given().get("/api/v1/collect/" + runId).then().body("shard.index", equalTo(0))
                .body("shard.count", equalTo(2)).body("total", equalTo(first.size()))
                .body("published", equalTo(first.size()));
        List<String> askedByFirst = asked();
        wireMock.resetRequests();
        RecordingRun run = new RecordingRun(second);
        collector.collect(run);
        List<String> askedBySecond = asked();

        assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(second);
        assertThat(run.published).hasSize(second.size());
        List<String> both = new ArrayList<>(askedByFirst);
        both.addAll(askedBySecond);
        List<String> expected = new ArrayList<>();
        UNSCOPED.forEach(n -> expected.addAll(List.of("registry " + n, "downloads " + n)));
        SCOPED.forEach(n -> expected.addAll(List.of("registry " + n, "downloads " + n)));
        assertThat(both).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(askedByFirst).allMatch(a -> owns(first, a));
        assertThat(askedBySecond).allMatch(a -> owns(second, a));
    }

    /** The registry and the scoped range queries per package, and one bulk query for the shard's unscoped names. */
    private void stub(List<CollectionTarget> shard) {
        UpstreamStubs stubs = new UpstreamStubs(wireMock);
        shard.forEach(t -> stubs.everything(t.subject()));
        List<String> unscoped = shard.stream().map(CollectionTarget::subject).filter(n -> !n.startsWith("@"))
                .toList();
        stubs.bulk(unscoped, UpstreamStubs.downloadsOk(UpstreamStubs.bulkBody(unscoped, Set.of())));
    }

    /** Every package named by a request: "registry name" or "downloads name", a bulk query naming each of its own. */
    private List<String> asked() {
        List<String> asked = new ArrayList<>();
        for (ServeEvent event : wireMock.getAllServeEvents()) {
            String path = URLDecoder.decode(event.getRequest().getUrl(), StandardCharsets.UTF_8);
            if (path.startsWith(UpstreamStubs.rangePath(""))) {
                Arrays.stream(path.substring(UpstreamStubs.rangePath("").length()).split(","))
                        .forEach(n -> asked.add("downloads " + n));
            } else {
                asked.add("registry " + path.substring(1));
            }
        }
        return asked;
    }

    private static boolean owns(List<CollectionTarget> shard, String asked) {
        String name = asked.substring(asked.indexOf(' ') + 1);
        return shard.stream().anyMatch(t -> t.subject().equals(name));
    }
}
