package dev.ecopulse.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.ScoreChanged;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.infra.EmbeddedStore;
import dev.ecopulse.infra.SingleNodeKafka;
import dev.ecopulse.testsupport.FreePorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two aggregator processes in one consumer group on topics of six partitions: both serve the same scores, one is
 * killed with SIGKILL in the middle of a backlog and the other takes its partitions, nothing is lost or stored twice,
 * the restarted one serves the same scores again, and every score change is on the scores topic once.
 */
class AggregatorReplicasIT {

    private static final int PARTITIONS = 6;
    private static final int COLLECTIONS = 3;
    private static final int BACKLOG_COLLECTIONS = 40;
    private static final Instant NEWEST = Instant.parse("2026-11-28T00:00:00Z");

    private static SingleNodeKafka kafka;
    private static EmbeddedStore store;
    private static MongoClient client;
    private static final List<Project> PROJECTS = CatalogLoader.loadDefault().projects().stream()
            .filter(p -> p.github() != null).toList();

    @BeforeAll
    static void startInfrastructure() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "system-tests", "replicas-" + System.nanoTime()));
        kafka = SingleNodeKafka.start(work.resolve("kafka"), "127.0.0.1", FreePorts.next(), FreePorts.next());
        kafka.createTopics(Topics.ALL, PARTITIONS);
        store = EmbeddedStore.inMemory("127.0.0.1", FreePorts.next());
        client = MongoClients.create(store.connectionString() + "/?serverSelectionTimeoutMS=2000");
    }

    @AfterAll
    static void stopInfrastructure() {
        if (client != null) {
            client.close();
        }
        if (store != null) {
            store.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void twoReplicasScoreAlikeSurviveAKillAndPublishEachScoreChangeOnce() throws Exception {
        // a few collections' worth of every catalog repository, oldest first
        int settled = publish(BACKLOG_COLLECTIONS, BACKLOG_COLLECTIONS + COLLECTIONS);
        ServiceProcess a = startAggregator();
        ServiceProcess b = startAggregator();
        List<ServiceProcess> running = new ArrayList<>(List.of(a, b));
        try {
            awaitStored(settled, Duration.ofSeconds(120));
            awaitSameScores(a, b);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                    metric(a, "ecopulse_aggregator_score_changes_publisher")
                            + metric(b, "ecopulse_aggregator_score_changes_publisher") == 1);

            // the group has given each replica its partitions (the second to start may get them only after the first
            // collections are stored); only then comes the backlog, so that both ingest it
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    metric(a, "kafka_consumer_coordinator_assigned_partitions") > 0
                            && metric(b, "kafka_consumer_coordinator_assigned_partitions") > 0);
            double aBefore = settledBy(a);
            double bBefore = settledBy(b);
            // a larger backlog of newer observations; the publisher is killed while both ingest it
            int total = settled + publish(0, BACKLOG_COLLECTIONS);
            ServiceProcess killed = metric(a, "ecopulse_aggregator_score_changes_publisher") == 1 ? a : b;
            ServiceProcess survivor = killed == a ? b : a;
            awaitStored(settled + (total - settled) / 4, Duration.ofSeconds(120));
            // the first collections may all go to the replica that started first; the backlog is split
            double survivorBefore = survivor == a ? aBefore : bBefore;
            double killedBefore = killed == a ? aBefore : bBefore;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(settledBy(killed)).as("the killed replica consumes its partitions")
                        .isGreaterThan(killedBefore);
                assertThat(settledBy(survivor)).as("the other replica consumes its partitions")
                        .isGreaterThan(survivorBefore);
            });
            double killedStored = metric(killed, "ecopulse_aggregator_observations_stored_total");
            killed.kill();
            running.remove(killed);
            long atKill = stored();
            assertThat(atKill).as("killed in the middle of ingest").isLessThan(total);

            awaitStored(total, Duration.ofSeconds(180));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> metric(survivor, "ecopulse_aggregator_score_changes_publisher") == 1);
            ServiceProcess restarted = startAggregator();
            running.add(restarted);
            awaitSameScores(survivor, restarted);

            // nothing lost, nothing stored twice: the survivor stored what the killed one had not
            assertThat(stored()).isEqualTo(total);
            double storedByOthers = metric(survivor, "ecopulse_aggregator_observations_stored_total")
                    + metric(restarted, "ecopulse_aggregator_observations_stored_total");
            assertThat(storedByOthers).as("stored by the survivor and the restarted replica")
                    .isBetween((double) total - atKill, total - killedStored);
            assertThat(metric(survivor, "ecopulse_aggregator_observations_rejected_total")).isZero();
            System.out.printf("replicas: %d observations on %d partitions per topic; the publisher was killed at %d"
                    + " stored (%.0f by itself); the survivor stored %.0f and skipped %.0f redelivered duplicates%n",
                    total, PARTITIONS, atKill, killedStored,
                    metric(survivor, "ecopulse_aggregator_observations_stored_total"),
                    metric(survivor, "ecopulse_aggregator_observations_duplicates_total"));

            assertEachScoreChangeOnce(survivor);
        } finally {
            for (ServiceProcess p : running) {
                p.close();
            }
        }
    }

    /** The scores topic: distinct ids, no change twice, each subject's first score exactly once. */
    private static void assertEachScoreChangeOnce(ServiceProcess aggregator) throws Exception {
        List<ConsumerRecord<String, String>> records = readAll(Topics.SCORES);
        List<ScoreChanged> events = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, String> r : records) {
            events.add(EventJson.mapper().readValue(r.value(), ScoreChanged.class));
            Header id = r.headers().lastHeader(CloudEventAttributes.HEADER_ID);
            ids.add(new String(id.value(), StandardCharsets.UTF_8));
        }
        assertThat(events).as("score changes").isNotEmpty();
        assertThat(ids).as("distinct ids").hasSize(events.size());
        Map<String, Long> states = events.stream().collect(Collectors.groupingBy(
                e -> e.kind() + "|" + e.subjectId() + "|" + e.newScore() + "|" + e.computedAt(), Collectors.counting()));
        assertThat(states).as("the same change announced twice").allSatisfy((state, n) -> assertThat(n).isOne());
        Map<String, Long> firsts = events.stream().filter(e -> e.oldScore() == null)
                .collect(Collectors.groupingBy(e -> e.kind() + "|" + e.subjectId(), Collectors.counting()));
        assertThat(firsts).as("first scores").allSatisfy((subject, n) -> assertThat(n).as(subject).isOne());
        Set<String> scored = new HashSet<>();
        for (String kind : List.of("frameworks", "projects")) {
            EventJson.mapper().readTree(aggregator.get("/api/v1/" + kind).body()).forEach(s -> {
                if (s.path("maturity").isNumber()) {
                    scored.add((kind.equals("frameworks") ? "FRAMEWORK|" : "PROJECT|") + s.get("id").asText());
                }
            });
        }
        assertThat(scored).as("scored subjects").hasSizeGreaterThan(PROJECTS.size() / 2);
        assertThat(firsts.keySet()).as("every scored subject announced").containsAll(scored);
        System.out.printf("replicas: %d score changes on the topic, %d first scores, all distinct%n", events.size(),
                firsts.size());
    }

    /** Both replicas answer the frameworks list and a few frameworks and projects alike. */
    private static void awaitSameScores(ServiceProcess x, ServiceProcess y) {
        List<String> paths = new ArrayList<>(List.of("/api/v1/frameworks", "/api/v1/projects"));
        List.of("pytorch", "tensorflow", "jax").forEach(f -> paths.add("/api/v1/frameworks/" + f));
        PROJECTS.stream().limit(4).forEach(p -> paths.add("/api/v1/projects/" + p.id()));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String path : paths) {
                assertThat(comparable(y.get(path).body())).as(path).isEqualTo(comparable(x.get(path).body()));
            }
            // equal answers without scores would prove nothing
            JsonNode frameworks = EventJson.mapper().readTree(x.get("/api/v1/frameworks").body());
            assertThat(frameworks).isNotEmpty().allSatisfy(f -> assertThat(f.path("maturity").isNumber())
                    .as("maturity of " + f.path("id").asText()).isTrue());
        });
    }

    private static final Pattern RECEIVED_AT = Pattern.compile("\"receivedAt\":\"[^\"]*\"");

    /**
     * An answer without the receive times of the latest observations: the replica that consumed an observation shows
     * the time it holds in memory, the others the one read back from the store, which can differ by a millisecond.
     */
    private static JsonNode comparable(String body) throws Exception {
        return EventJson.mapper().readTree(RECEIVED_AT.matcher(body).replaceAll("\"receivedAt\":null"));
    }

    private static ServiceProcess startAggregator() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "QUARKUS_MONGODB_CONNECTION_STRING", store.connectionString(),
                "ECOPULSE_SCORES_REFRESH_QUIET_PERIOD", "200ms",
                "ECOPULSE_SCORES_REFRESH_MAX_DELAY", "2s",
                "ECOPULSE_SCORES_REPLICA_SYNC_INTERVAL", "1s",
                "ECOPULSE_SCORE_CHANGES_LEASE_DURATION", "3s",
                "ECOPULSE_SCORE_CHANGES_LEASE_RENEW_INTERVAL", "1s"));
        // the group notices the killed member within seconds instead of the default 45 s
        env.put("JAVA_TOOL_OPTIONS", "-Dmp.messaging.incoming.observations.session.timeout.ms=6000"
                + " -Dmp.messaging.incoming.observations.heartbeat.interval.ms=1000");
        ServiceProcess aggregator = ServiceProcess.start("aggregator", FreePorts.next(), env);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(aggregator::ready);
        return aggregator;
    }

    /** Collections {@code from} (inclusive) to {@code to} hours before the newest: one observation per repository. */
    private static int publish(int from, int to) {
        int sent = 0;
        try (KafkaProducer<String, String> producer = GithubRecords.producer(kafka.bootstrapServers())) {
            for (int hour = to - 1; hour >= from; hour--) {
                for (Project p : PROJECTS) {
                    producer.send(GithubRecords.record(GithubRecords.observation(p, NEWEST.minus(Duration.ofHours(
                            hour)), "replicas-run", hour, hour)));
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    private static void awaitStored(int atLeast, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> stored() >= atLeast);
    }

    private static long stored() {
        return client.getDatabase("ecopulse").getCollection("observations").countDocuments();
    }

    /** Sum of a Prometheus series over its labels, from the replica's {@code /q/metrics}. */
    /** Observations the replica stored or found stored (a redelivery). */
    private static double settledBy(ServiceProcess aggregator) throws Exception {
        return metric(aggregator, "ecopulse_aggregator_observations_stored_total")
                + metric(aggregator, "ecopulse_aggregator_observations_duplicates_total");
    }

    private static double metric(ServiceProcess aggregator, String name) throws Exception {
        double sum = 0;
        for (String line : aggregator.get("/q/metrics").body().split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Every record of {@code topic}, read up to the end offsets so that none is missed. */
    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
