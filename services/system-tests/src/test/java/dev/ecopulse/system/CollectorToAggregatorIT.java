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
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.PypiObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.infra.EmbeddedStore;
import dev.ecopulse.infra.SingleNodeKafka;
import dev.ecopulse.testsupport.FreePorts;
import dev.ecopulse.testsupport.TopicClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    private static final String ADMIN_KEY = "system-test-key-0123456789";

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

        // on the broker: one observation per package, keyed by project (each followed by its series on the same topic)
        List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
        List<ConsumerRecord<String, String>> series = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : TopicClient.read(kafka.bootstrapServers(), Topics.METRICS_PYPI, 4,
                Duration.ofSeconds(30))) {
            if (!runId.equals(json(r.value()).get("runId").asText())) {
                continue;
            }
            if ("dev.ecopulse.pypi.series.v1".equals(TopicClient.headers(r).get(CloudEventAttributes.HEADER_TYPE))) {
                series.add(r);
            } else {
                records.add(r);
            }
        }
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("flax", "optax");
        assertThat(series).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("flax", "optax");
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
        Map<String, List<Document>> before = storeContents();
        Map<String, Integer> refusals = new java.util.LinkedHashMap<>();
        refusals.put("/api/v1/frameworks/no-such-framework", 404);
        refusals.put("/api/v1/projects/no-such-project", 404);
        refusals.put("/api/v1/projects/flax/observations?limit=many", 400);
        refusals.put("/api/v1/projects/flax/observations?source=huggingface", 400); // observes frameworks
        refusals.put("/api/v1/projects/flax/observations?to=%2B999999999-12-31", 400);
        refusals.put("/api/v1/projects/flax/observations?cursor=forged", 400);
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

        // bad input on the topics, which the aggregator would store if it trusted it
        Instant past = Instant.parse("2026-11-20T10:00:00Z");
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        sendObservation(pypi("flax", "torch", past), null);                  // a subject of another project
        sendObservation(pypi("flax", "flax", tomorrow), null);               // from the future
        sendObservation(pypi("flax", "flax", past), "forged-" + past);       // an id not derived from its content
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(TopicClient.read(kafka.bootstrapServers(), Topics.METRICS_DLQ, 3, Duration.ofSeconds(5))
                        .stream().map(r -> TopicClient.headers(r).get(CloudEventAttributes.HEADER_DLQ_REASON))
                        .toList())
                        .anySatisfy(reason -> assertThat(reason).contains("subject 'torch' is not one of project"))
                        .anySatisfy(reason -> assertThat(reason).contains("is in the future"))
                        .anySatisfy(reason -> assertThat(reason).startsWith("ce_id 'forged-")));

        // the store itself, every collection and document, not what the API shows of it
        assertThat(storeContents()).isEqualTo(before);
    }

    /** Sends a PyPI observation as a collector would, with the id derived from it unless {@code id} is given. */
    private static void sendObservation(PypiObservation o, String id) {
        String ceId = id != null ? id : EventIds.observationId(ObservationSource.PYPI, o.projectId(), o.subject(),
                o.observedAt(), Duration.ofHours(87600));
        Map<String, String> headers = Map.of(
                CloudEventAttributes.HEADER_SPEC_VERSION, CloudEventAttributes.SPEC_VERSION,
                CloudEventAttributes.HEADER_ID, ceId,
                CloudEventAttributes.HEADER_TYPE, ObservationSource.PYPI.eventType(),
                CloudEventAttributes.HEADER_SOURCE, ObservationSource.PYPI.eventSource(),
                CloudEventAttributes.HEADER_SUBJECT, o.projectId(),
                CloudEventAttributes.HEADER_TIME, o.observedAt().toString(),
                CloudEventAttributes.HEADER_CONTENT_TYPE, CloudEventAttributes.CONTENT_TYPE);
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        props.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(props)) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.METRICS_PYPI, o.projectId(),
                    new String(EventJson.write(o), java.nio.charset.StandardCharsets.UTF_8));
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            producer.send(record).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + Topics.METRICS_PYPI, e);
        }
    }

    private static PypiObservation pypi(String projectId, String packageName, Instant observedAt) {
        return new PypiObservation(projectId, packageName, observedAt, "run-bad-input", SubjectStatus.FOUND,
                new PypiObservation.Registry("0.12.1", null, null, 40L, 6L, null, null, null, 4, "Beta", ">=3.10",
                        8L, "Apache-2.0"),
                null, null, List.of());
    }

    /** Every collection of the aggregator's database with its documents, ordered by id. */
    private static Map<String, List<Document>> storeContents() {
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            var db = client.getDatabase("ecopulse");
            Map<String, List<Document>> contents = new java.util.TreeMap<>();
            for (String name : db.listCollectionNames()) {
                List<Document> documents = db.getCollection(name).find().sort(new Document("_id", 1))
                        .into(new java.util.ArrayList<>());
                // the score-change lease is renewed every few seconds whatever the requests do
                documents.forEach(d -> d.remove("expiresAt"));
                contents.put(name, documents);
            }
            return contents;
        }
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

    private static JsonNode json(String body) throws Exception {
        return EventJson.mapper().readTree(body);
    }
}
