package dev.ecopulse.system;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.infra.EmbeddedStore;
import dev.ecopulse.infra.SingleNodeKafka;
import dev.ecopulse.testsupport.FreePorts;
import dev.ecopulse.testsupport.TopicClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged PyPI collector and aggregator as processes: the collector's records go through the real broker, the
 * aggregator writes them through the MongoDB driver into mongo-java-server, and they come back over REST.
 */
class CollectorToAggregatorIT {

    private static final String ADMIN_KEY = "system-test-key";

    private static Infrastructure infrastructure;
    private static SingleNodeKafka kafka;
    private static EmbeddedStore store;
    private static WireMockServer upstream;
    private static ServiceProcess aggregator;
    private static ServiceProcess collector;
    private static Map<String, String> env;

    @BeforeAll
    static void startStack() throws Exception {
        infrastructure = Infrastructure.start(options().usingFilesUnderClasspath("stubs"));
        kafka = infrastructure.kafka();
        store = infrastructure.store();
        upstream = infrastructure.upstream();

        env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "QUARKUS_MONGODB_CONNECTION_STRING", store.connectionString(),
                "ECOPULSE_CATALOG_PATH", Path.of("src/test/resources/system-catalog.yaml").toAbsolutePath().toString(),
                "ECOPULSE_ADMIN_KEY", ADMIN_KEY,
                "ECOPULSE_COLLECT_ON_START", "false",
                // one bucket for the whole test: every run observes the same observation per package, whatever the hour
                "ECOPULSE_COLLECT_BUCKET", "87600h",
                "ECOPULSE_PYPI_URL", upstream.baseUrl(),
                "ECOPULSE_PYPISTATS_URL", upstream.baseUrl(),
                "ECOPULSE_DEPSDEV_URL", upstream.baseUrl());
        aggregator = ServiceProcess.start("aggregator", FreePorts.next(), env);
        collector = ServiceProcess.start("pypi-collector", FreePorts.next(), env);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> aggregator.ready() && collector.ready());
    }

    @AfterAll
    static void stopStack() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {collector, aggregator}) {
            if (c != null) {
                c.close();
            }
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void aCollectedObservationIsStoredOnceAndServedByTheAggregator() throws Exception {
        assertThat(collector.post("/api/v1/collect", Map.of()).statusCode()).isEqualTo(401);
        var started = collector.post("/api/v1/collect", Map.of("X-Api-Key", ADMIN_KEY));
        assertThat(started.statusCode()).isEqualTo(202);
        String runId = EventJson.mapper().readTree(started.body()).get("runId").asText();

        await().atMost(Duration.ofSeconds(60)).until(
                () -> json(collector.get("/api/v1/collect/" + runId).body()).get("state").asText(),
                state -> !state.equals("RUNNING"));
        JsonNode run = json(collector.get("/api/v1/collect/" + runId).body());
        assertThat(run.get("published").asInt()).as(run.toString()).isEqualTo(2);

        // on the broker: one CloudEvent per package, keyed by project
        List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : TopicClient.read(kafka.bootstrapServers(), Topics.METRICS_PYPI, 2,
                Duration.ofSeconds(30))) {
            if (runId.equals(json(r.value()).get("runId").asText())) {
                records.add(r);
            }
        }
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("flax", "optax");
        String flaxEventId = records.stream().filter(r -> r.key().equals("flax")).findFirst()
                .map(r -> TopicClient.headers(r).get(CloudEventAttributes.HEADER_ID)).orElseThrow();
        assertThat(records).allSatisfy(r -> assertThat(TopicClient.headers(r))
                .containsEntry(CloudEventAttributes.HEADER_TYPE, "dev.ecopulse.pypi.observation.v1")
                .containsEntry(CloudEventAttributes.HEADER_SUBJECT, r.key()));

        // over REST from the aggregator
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode history = json(aggregator.get("/api/v1/projects/flax/observations").body());
            assertThat(history).hasSize(1);
            assertThat(history.get(0).get("id").asText()).isEqualTo(flaxEventId);
            assertThat(history.get(0).get("source").asText()).isEqualTo("pypi");
            assertThat(history.get(0).get("payload").get("packageName").asText()).isEqualTo("flax");
            assertThat(history.get(0).get("payload").get("pypi").get("latestVersion").asText()).isEqualTo("0.12.1");
        });

        // in the store, through the driver: stored once, under the event's id
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            var observations = client.getDatabase("ecopulse").getCollection("observations");
            assertThat(observations.countDocuments(Filters.eq("projectId", "flax"))).isEqualTo(1);
            Document flax = observations.find(Filters.eq("_id", flaxEventId)).first();
            assertThat(flax).isNotNull();
            assertThat(flax.getString("source")).isEqualTo("pypi");
        }
    }

    @Test
    void aCollectorKilledMidRunAndRunAgainAddsNoDuplicateObservation() throws Exception {
        // optax answers slowly, so the run is caught between its two packages
        var slow = upstream.stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/pypi/optax/json")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withFixedDelay(15_000)));
        String runId = json(collector.post("/api/v1/collect", Map.of("X-Api-Key", ADMIN_KEY)).body())
                .get("runId").asText();
        await().atMost(Duration.ofSeconds(30)).until(
                () -> json(collector.get("/api/v1/collect/" + runId).body()).get("published").asInt() >= 1);
        collector.kill();
        upstream.removeStub(slow);

        collector = ServiceProcess.start("pypi-collector", FreePorts.next(), env);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(collector::ready);
        String again = json(collector.post("/api/v1/collect", Map.of("X-Api-Key", ADMIN_KEY)).body())
                .get("runId").asText();
        await().atMost(Duration.ofSeconds(60)).until(
                () -> json(collector.get("/api/v1/collect/" + again).body()).get("state").asText(),
                state -> state.equals("SUCCEEDED"));

        // the observations of this hour carry the same ce_id whichever run sent them: each is stored once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(json(aggregator.get("/api/v1/projects/flax/observations").body())).hasSize(1);
            assertThat(json(aggregator.get("/api/v1/projects/optax/observations").body())).hasSize(1);
        });
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(client.getDatabase("ecopulse").getCollection("observations").countDocuments()).isEqualTo(2);
        }
    }

    @Test
    void badInputAtTheEdgesGetsProblemsAndChangesNothingStored() throws Exception {
        long before = storedCount();
        Map<String, Integer> refusals = new java.util.LinkedHashMap<>();
        refusals.put("/api/v1/frameworks/no-such-framework", 404);
        refusals.put("/api/v1/projects/no-such-project", 404);
        refusals.put("/api/v1/projects/flax/observations?limit=many", 400);
        refusals.put("/api/v1/projects/flax/observations?source=npm", 400);
        refusals.put("/api/v1/frameworks/jax/history?from=yesterday", 400);
        refusals.put("/api/v1/frameworks/jax/history?from=2020-01-01&to=2026-11-28", 400);
        refusals.put("/api/v1/compare?frameworks=jax", 400);
        for (var refusal : refusals.entrySet()) {
            var answer = aggregator.get(refusal.getKey());
            assertThat(answer.statusCode()).as(refusal.getKey()).isEqualTo(refusal.getValue());
            assertThat(answer.headers().firstValue("Content-Type")).as(refusal.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(answer.body()).get("detail").asText()).as(refusal.getKey()).isNotBlank();
        }
        var wrongKey = collector.post("/api/v1/collect", Map.of("X-Api-Key", "not-the-key"));
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(json(wrongKey.body()).get("detail").asText()).isEqualTo("wrong X-Api-Key");
        assertThat(storedCount()).isEqualTo(before);
    }

    @Test
    void aServiceWithAMalformedCatalogStopsAtStartNamingTheEntry() throws Exception {
        Path catalog = Files.createDirectories(Path.of("target", "system-tests")).resolve("malformed-catalog.yaml");
        Files.writeString(catalog, """
                frameworks:
                  - id: jax
                    name: JAX
                projects:
                  - id: flax
                    name: Flax
                    frameworks: [jax, tensorflow]
                    pypi: [flax]
                """);
        Map<String, String> bad = new java.util.HashMap<>(env);
        bad.put("ECOPULSE_CATALOG_PATH", catalog.toAbsolutePath().toString());
        ServiceProcess refused = ServiceProcess.start("pypi-collector", FreePorts.next(), bad);
        try {
            assertThat(refused.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(refused.output()).contains("line 5: project 'flax': unknown framework 'tensorflow' (known: jax)");
        } finally {
            refused.close();
        }
    }

    private static long storedCount() {
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            return client.getDatabase("ecopulse").getCollection("observations").countDocuments();
        }
    }

    private static JsonNode json(String body) throws Exception {
        return EventJson.mapper().readTree(body);
    }
}
