package dev.ecopulse.system;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.infra.EmbeddedStore;
import dev.ecopulse.infra.SingleNodeKafka;
import dev.ecopulse.testsupport.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.ecopulse.testsupport.TopicClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Keeps the replay files of {@code deploy/local/run.sh --offline} honest: the packaged services, configured as run.sh
 * configures them, collect the default catalog from those files with no failed target and score every framework.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfflineSampleIT {

    private static final String ADMIN_KEY = "offline-test-key-0123456789";
    private static final Path DEPLOY = Path.of(System.getProperty("ecopulse.deploy.dir", "../../deploy"));
    private static final Path DEFAULT_CATALOG = Path.of(System.getProperty("ecopulse.services.dir", ".."),
            "contract", "src", "main", "resources", "ecopulse", "catalog.yaml");
    private static final List<String> COLLECTORS = List.of("github-collector", "pypi-collector", "maven-collector",
            "huggingface-collector", "stackexchange-collector", "npm-collector", "research-collector");

    private static Infrastructure infrastructure;
    private static SingleNodeKafka kafka;
    private static EmbeddedStore store;
    private static WireMockServer replay;
    private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();
    /** Observations the collectors reported published, over every run of this class. */
    private static long published;

    @BeforeAll
    static void startStack() throws Exception {
        infrastructure = Infrastructure.start(
                options().usingFilesUnderDirectory(DEPLOY.resolve("local/offline/replay").toString()));
        kafka = infrastructure.kafka();
        store = infrastructure.store();
        replay = infrastructure.upstream();

        // the settings run.sh --offline gives the services
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_MONGODB_CONNECTION_STRING", store.connectionString());
        env.put("ECOPULSE_CATALOG_PATH", DEFAULT_CATALOG.toAbsolutePath().toString());
        env.put("ECOPULSE_ADMIN_KEY", ADMIN_KEY);
        env.put("ECOPULSE_COLLECT_ON_START", "false");
        env.put("ECOPULSE_SAMPLE_DATA", "true");
        env.put("ECOPULSE_COLLECT_BUCKET", "1s");
        env.put("GITHUB_TOKEN", "offline-sample-token");
        env.put("ECOPULSE_OPENALEX_API_KEY", "offline-sample-token");
        // the stubs speak plain http; the collector sends a token over http only when allowed
        env.put("ECOPULSE_UPSTREAM_ALLOW_INSECURE", "true");
        env.put("ECOPULSE_GITHUB_BATCH_SIZE", "50");
        env.put("ECOPULSE_GITHUB_API_URL", replay.baseUrl());
        env.put("ECOPULSE_PYPI_URL", replay.baseUrl());
        env.put("ECOPULSE_PYPISTATS_URL", replay.baseUrl());
        env.put("ECOPULSE_DEPSDEV_URL", replay.baseUrl());
        env.put("ECOPULSE_MAVEN_REPO_URL", replay.baseUrl() + "/maven2");
        env.put("ECOPULSE_MAVEN_SEARCH_URL", replay.baseUrl());
        env.put("ECOPULSE_PYPI_REQUESTS_PER_SECOND", "1000");
        env.put("ECOPULSE_PYPISTATS_REQUESTS_PER_SECOND", "1000");
        env.put("ECOPULSE_PYPISTATS_REQUESTS_PER_MINUTE", "60000");
        env.put("ECOPULSE_MAVEN_REQUESTS_PER_SECOND", "1000");
        env.put("ECOPULSE_HUGGINGFACE_URL", replay.baseUrl());
        env.put("ECOPULSE_STACKEXCHANGE_URL", replay.baseUrl());
        env.put("ECOPULSE_NPM_REGISTRY_URL", replay.baseUrl());
        env.put("ECOPULSE_NPM_DOWNLOADS_URL", replay.baseUrl());
        env.put("ECOPULSE_RESEARCH_URL", replay.baseUrl());
        env.put("ECOPULSE_HUGGINGFACE_REQUESTS_PER_SECOND", "1000");
        env.put("ECOPULSE_STACKEXCHANGE_REQUESTS_PER_SECOND", "30");
        env.put("ECOPULSE_NPM_REGISTRY_REQUESTS_PER_SECOND", "1000");
        env.put("ECOPULSE_NPM_DOWNLOADS_INTERVAL", "PT0.05S");
        env.put("ECOPULSE_RESEARCH_REQUESTS_PER_SECOND", "1000");
        env.put("ECOPULSE_RESEARCH_DAILY_BUDGET", "100");
        List<String> services = new java.util.ArrayList<>(List.of("aggregator"));
        services.addAll(COLLECTORS);
        for (String name : services) {
            SERVICES.put(name, ServiceProcess.start(name, FreePorts.next(), env));
        }
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> SERVICES.values().stream().allMatch(ServiceProcess::ready));
    }

    @AfterAll
    static void stopStack() throws Exception {
        for (ServiceProcess service : SERVICES.values()) {
            service.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    @Order(1)
    void bothSnapshotsAreCollectedWithoutFailureAndEveryFrameworkIsScored() throws Exception {
        collectOnEveryCollector(); // snapshot 1

        ServiceProcess aggregator = SERVICES.get("aggregator");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode frameworks = json(aggregator.get("/api/v1/frameworks").body());
            assertThat(frameworks).hasSize(6);
            for (JsonNode framework : frameworks) {
                String id = framework.get("id").asText();
                assertThat(framework.path("maturity").isNumber()).as(id + " has a maturity").isTrue();
                assertThat(framework.get("coverage").asDouble()).as(id + " coverage").isGreaterThan(0.8);
            }
        });

        // series events are ingested beside the observations and may trail them: wait for the trends they carry
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertMomentumFromTheFirstCollection(aggregator));
        Map<String, JsonNode> byId = new HashMap<>();
        json(aggregator.get("/api/v1/frameworks").body()).forEach(f -> byId.put(f.get("id").asText(), f));
        for (String id : byId.keySet()) {
            JsonNode history = json(aggregator.get("/api/v1/frameworks/" + id + "/history?from="
                    + LocalDate.now(ZoneOffset.UTC).minusDays(365)).body());
            assertThat(history.get("points").get(0).get("date").asText()).as(id + " history")
                    .isLessThan(LocalDate.now(ZoneOffset.UTC).minusDays(330).toString());
        }

        // every explanation adds up: dimension contributions to the maturity, signal contributions to each dimension
        for (String id : byId.keySet()) {
            JsonNode maturity = json(aggregator.get("/api/v1/frameworks/" + id).body()).get("maturity");
            double dimensions = 0;
            for (JsonNode dimension : maturity.get("dimensions")) {
                dimensions += dimension.get("contribution").asDouble();
                double signals = 0;
                for (JsonNode signal : dimension.get("signals")) {
                    signals += signal.path("contribution").asDouble(0); // a missing signal contributes nothing
                }
                assertThat(signals).as(id + " " + dimension.get("id")).isCloseTo(
                        dimension.get("contribution").asDouble(), org.assertj.core.data.Offset.offset(0.011));
            }
            assertThat(dimensions).as(id).isCloseTo(maturity.get("maturity").asDouble(),
                    org.assertj.core.data.Offset.offset(0.011));
        }

        // events on every topic, read with a plain consumer, carry the contract's CloudEvents headers
        for (String topic : Topics.ALL.stream().filter(t -> !t.equals(Topics.METRICS_DLQ)).toList()) {
            var records = TopicClient.read(kafka.bootstrapServers(), topic, 1, Duration.ofSeconds(20));
            assertThat(records).as(topic).isNotEmpty();
            assertThat(records).as(topic).allSatisfy(r -> assertThat(TopicClient.headers(r))
                    .containsEntry("ce_specversion", "1.0").containsEntry("ce_subject", r.key())
                    .containsEntry("content-type", "application/json")
                    .containsKeys("ce_id", "ce_type", "ce_source", "ce_time"));
        }

        // and the API says the numbers are invented
        assertThat(json(aggregator.get("/api/v1/methodology").body()).path("dataNotice").asText())
                .startsWith("SAMPLE DATA");

        long torchStars = latestStars(aggregator);
        collectOnEveryCollector(); // snapshot 2, four weeks later in the sample data
        await().atMost(Duration.ofSeconds(30)).until(() -> latestStars(aggregator) > torchStars);
    }

    @Test
    @Order(2)
    void upstreamFaultsForAWhileLoseNothingAndCountNothingTwice() throws Exception {
        // each fault answers a few times, then the replay answers normally again
        failFirst("POST", "/graphql", 2, WireMock.aResponse().withStatus(502));
        failFirst("GET", "/pypi/torch/json", 2,
                WireMock.aResponse().withStatus(429).withHeader("Retry-After", "1"));
        failFirst("GET", "/maven2/org/pytorch/pytorch_android/maven-metadata.xml", 1,
                WireMock.aResponse().withStatus(429).withHeader("Retry-After", "1"));
        failFirst("GET", "/repos/pytorch/pytorch/contributors", 1, WireMock.aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("[{\"login\":\"soumith\",\"contributions\":12"));

        collectOnEveryCollector();
        // every fault was really served before the normal answers came back
        assertThat(replay.getAllScenarios().getScenarios()).filteredOn(sc -> sc.getName().startsWith("fault "))
                .hasSize(4).allSatisfy(sc -> assertThat(sc.getState()).as(sc.getName()).isEqualTo("over"));

        // a truncated answer leaves its signals missing, with the reason, instead of a wrong number
        JsonNode torch = json(SERVICES.get("aggregator").get("/api/v1/projects/torch/observations?source=github")
                .body());
        JsonNode newest = torch.get(0).path("payload");
        assertThat(newest.has("contributors")).as(newest.toString()).isFalse();
        assertThat(newest.path("missing").toString()).contains("contributors");
        // every observation reported published is stored once, and none was rejected
        await().atMost(Duration.ofSeconds(30)).until(() -> stored() >= published);
        assertThat(stored()).isEqualTo(published);
        System.out.printf("replay faults: %d observations published over all runs, %d stored, 0 dead letters%n",
                published, stored());
        assertThat(TopicClient.read(kafka.bootstrapServers(), Topics.METRICS_DLQ, 1, Duration.ofSeconds(2))).isEmpty();
    }

    /** The first {@code times} requests matching {@code request} get {@code fault}; later ones the replay answer. */
    private static void failFirst(String method, String path, int times, ResponseDefinitionBuilder fault) {
        String scenario = "fault " + method + " " + path;
        for (int i = 0; i < times; i++) {
            replay.stubFor(WireMock.request(method, WireMock.urlPathEqualTo(path)).atPriority(1).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "fault " + i)
                    .willReturn(fault).willSetStateTo(i == times - 1 ? "over" : "fault " + (i + 1)));
        }
    }

    private static long stored() {
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            return client.getDatabase("ecopulse").getCollection("observations").countDocuments();
        }
    }

    /** One run on each collector, all at once; each must finish with every target published and none failed. */
    private static void collectOnEveryCollector() throws Exception {
        Map<String, String> runs = new LinkedHashMap<>();
        for (String name : COLLECTORS) {
            var started = SERVICES.get(name).post("/api/v1/collect", Map.of("X-Api-Key", ADMIN_KEY));
            assertThat(started.statusCode()).as(name).isEqualTo(202);
            runs.put(name, json(started.body()).get("runId").asText());
        }
        for (var run : runs.entrySet()) {
            ServiceProcess collector = SERVICES.get(run.getKey());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                    () -> json(collector.get("/api/v1/collect/" + run.getValue()).body()).get("state").asText(),
                    state -> !state.equals("RUNNING"));
            JsonNode summary = json(collector.get("/api/v1/collect/" + run.getValue()).body());
            assertThat(summary.get("state").asText()).as(summary.toString()).isEqualTo("SUCCEEDED");
            assertThat(summary.get("failed").asInt()).as(summary.toString()).isZero();
            assertThat(summary.get("total").asInt()).as(summary.toString()).isPositive();
            assertThat(summary.get("published").asInt()).as(summary.toString())
                    .isEqualTo(summary.get("total").asInt());
            assertThat(summary.get("errors")).as(summary.toString()).isEmpty();
            published += summary.get("published").asLong();
        }
    }

    private static long latestStars(ServiceProcess aggregator) throws Exception {
        JsonNode observations = json(aggregator.get("/api/v1/projects/torch/observations").body());
        return StreamSupport.stream(observations.spliterator(), false)
                .filter(o -> o.path("source").asText().equals("github"))
                .map(o -> o.path("payload"))
                .mapToLong(p -> p.path("stars").asLong(-1))
                .max().orElse(-1);
    }

    private static JsonNode json(String body) throws Exception {
        return EventJson.mapper().readTree(body);
    }

    /** Trends and 30-/90-day momentum of downloads, commits and releases, from the first collection's series. */
    private static void assertMomentumFromTheFirstCollection(ServiceProcess aggregator) throws Exception {
        // the invented series carry each framework's trend from the first collection
        Map<String, JsonNode> byId = new HashMap<>();
        json(aggregator.get("/api/v1/frameworks").body()).forEach(f -> byId.put(f.get("id").asText(), f));
        assertThat(byId.get("pytorch").path("momentum").path("trend90").asText()).isEqualTo("growing");
        assertThat(byId.get("jax").path("momentum").path("trend90").asText()).isEqualTo("growing");
        assertThat(byId.get("mxnet").path("momentum").path("trend90").asText()).isEqualTo("declining");
        // from the first collection of a fresh store (a backfill), every framework has 30- and 90-day momentum for
        // downloads, commits and releases, from the series events, and its history reaches about a year back
        for (String id : byId.keySet()) {
            JsonNode detail = json(aggregator.get("/api/v1/frameworks/" + id).body());
            for (JsonNode signal : detail.at("/momentum/signals")) {
                if (List.of("downloads", "commits", "releases").contains(signal.get("signal").asText())) {
                    for (String window : List.of("days30", "days90")) {
                        assertThat(signal.path(window).path("status").asText())
                                .as(id + " " + signal.get("signal").asText() + " " + window).isEqualTo("ok");
                    }
                }
            }
        }
    }
}
