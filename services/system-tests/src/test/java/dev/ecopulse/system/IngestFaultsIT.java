package dev.ecopulse.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.EventJson;
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
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hard faults in the middle of ingest: the aggregator and then the store process are killed with SIGKILL and
 * restarted while a preloaded topic is being consumed. Afterwards every observation is stored exactly once, nothing
 * went to the dead-letter topic, and the scores equal those of a clean aggregator that read the same topics.
 */
class IngestFaultsIT {

    private static final int OBSERVATIONS = 3000;

    private static SingleNodeKafka kafka;
    private static StoreProcess store;
    private static EmbeddedStore cleanStore;
    private static Path work;

    @BeforeAll
    static void startInfrastructure() throws Exception {
        work = Files.createDirectories(Path.of("target", "system-tests", "faults-" + System.nanoTime()));
        kafka = SingleNodeKafka.start(work.resolve("kafka"), "127.0.0.1", FreePorts.next(), FreePorts.next());
        kafka.createTopics(Topics.ALL, 3);
        store = new StoreProcess(work.resolve("store.mv"), FreePorts.next());
        store.start();
        cleanStore = EmbeddedStore.inMemory("127.0.0.1", FreePorts.next());
    }

    @AfterAll
    static void stopInfrastructure() throws Exception {
        CLIENTS.values().forEach(MongoClient::close);
        if (store != null) {
            store.close();
        }
        if (cleanStore != null) {
            cleanStore.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void nothingIsLostAndNothingCountedTwiceThroughAggregatorAndStoreKills() throws Exception {
        int published = preloadObservations();

        ServiceProcess first = startAggregator(store.connectionString(), "ecopulse-aggregator");
        awaitStored(published / 4);
        long atAggregatorKill = stored(store.connectionString());
        first.kill();
        ServiceProcess aggregator = startAggregator(store.connectionString(), "ecopulse-aggregator");

        awaitStored(published / 2);
        long atStoreKill = stored(store.connectionString());
        store.kill();
        Thread.sleep(2000); // the store stays down a moment while the aggregator keeps trying
        store.start();

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> stored(store.connectionString()) >= published);
        assertThat(stored(store.connectionString())).isEqualTo(published);
        // the kills happened in the middle of ingest, not after it
        assertThat(atAggregatorKill).isLessThan(published);
        assertThat(atStoreKill).isLessThan(published);
        assertThat(TopicClient.read(kafka.bootstrapServers(), Topics.METRICS_DLQ, 1, Duration.ofSeconds(2)))
                .as("dead letters").isEmpty();

        // a clean aggregator, own consumer group and own store, reads the same topics without faults
        try (ServiceProcess clean = startAggregator(cleanStore.connectionString(), "ecopulse-aggregator-clean")) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> stored(cleanStore.connectionString()) >= published);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Map<String, Double> expected = maturities(clean);
                // equal maps of absent scores (NaN) would prove nothing: every framework must have one
                assertThat(expected).isNotEmpty().allSatisfy((framework, maturity) ->
                        assertThat(maturity).as("maturity of " + framework + " after a clean run").isFinite());
                assertThat(maturities(aggregator)).isEqualTo(expected);
            });
            System.out.printf("ingest faults: %d published; aggregator SIGKILL at %d stored, store SIGKILL at %d;"
                    + " %d stored afterwards, %d stored by a clean run, scores equal%n", published, atAggregatorKill,
                    atStoreKill, stored(store.connectionString()), stored(cleanStore.connectionString()));
        } finally {
            aggregator.close();
        }
    }

    /** Observations of every catalog repository, one per hour back in time, as the GitHub collector publishes them. */
    private static int preloadObservations() {
        List<Project> projects = CatalogLoader.loadDefault().projects().stream()
                .filter(p -> p.github() != null).toList();
        Instant newest = Instant.parse("2026-11-28T00:00:00Z");
        try (KafkaProducer<String, String> producer = GithubRecords.producer(kafka.bootstrapServers())) {
            for (int i = 0; i < OBSERVATIONS; i++) {
                Project p = projects.get(i % projects.size());
                Instant at = newest.minus(Duration.ofHours(i / projects.size()));
                long age = Duration.between(at, newest).toHours();
                producer.send(GithubRecords.record(GithubRecords.observation(p, at, "fault-run", age, i)));
            }
            producer.flush();
        }
        return OBSERVATIONS;
    }

    private static ServiceProcess startAggregator(String store, String group) throws Exception {
        ServiceProcess aggregator = ServiceProcess.start("aggregator", FreePorts.next(), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "QUARKUS_MONGODB_CONNECTION_STRING", store,
                "MP_MESSAGING_INCOMING_OBSERVATIONS_GROUP_ID", group,
                "ECOPULSE_SCORES_REFRESH_QUIET_PERIOD", "200ms",
                "ECOPULSE_SCORES_REFRESH_MAX_DELAY", "2s"));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(aggregator::ready);
        return aggregator;
    }

    private static void awaitStored(int atLeast) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> stored(store.connectionString()) >= atLeast);
    }

    /** One client per store for the whole test: it reconnects by itself when a killed store is back. */
    private static final Map<String, MongoClient> CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static long stored(String connectionString) {
        MongoClient client = CLIENTS.computeIfAbsent(connectionString,
                c -> MongoClients.create(c + "/?serverSelectionTimeoutMS=2000"));
        try {
            return client.getDatabase("ecopulse").getCollection("observations").countDocuments();
        } catch (RuntimeException e) {
            return -1; // the store is down for a moment
        }
    }

    private static Map<String, Double> maturities(ServiceProcess aggregator) throws Exception {
        JsonNode frameworks = EventJson.mapper().readTree(aggregator.get("/api/v1/frameworks").body());
        Map<String, Double> scores = new TreeMap<>();
        frameworks.forEach(f -> scores.put(f.get("id").asText(), f.path("maturity").asDouble(Double.NaN)));
        return scores;
    }
}
