package dev.ecopulse.testsupport;

import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.infra.SingleNodeKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a real Kafka broker (KRaft, one node) on free ports with the contract's topics, and points the app's Kafka
 * connector at it. Data lives under {@code target/} and is deleted when the tests are done.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String bootstrapServers;
    private SingleNodeKafka kafka;
    private Path dataDir;

    /** Address of the running broker, for the tests' own producers and consumers. */
    public static String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("the Kafka broker test resource is not running");
        }
        return bootstrapServers;
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createDirectories(Path.of("target", "kafka")).resolve("broker-" + System.nanoTime());
            kafka = SingleNodeKafka.start(dataDir, "127.0.0.1", FreePorts.next(), FreePorts.next());
            kafka.createTopics(Topics.ALL, 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker", e);
        }
        bootstrapServers = kafka.bootstrapServers();
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    @Override
    public void stop() {
        bootstrapServers = null;
        if (kafka != null) {
            kafka.close();
        }
        deleteTree(dataDir);
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // leftovers under target/ are removed by the next clean
        }
    }
}
