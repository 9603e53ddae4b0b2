package dev.ecopulse.system;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.infra.EmbeddedStore;
import dev.ecopulse.infra.SingleNodeKafka;
import dev.ecopulse.testsupport.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the packaged services of a system test run against: a real Kafka broker with the contract's topics, the
 * embedded store in memory, and a WireMock server in place of the public APIs, all on free local ports.
 */
record Infrastructure(SingleNodeKafka kafka, EmbeddedStore store, WireMockServer upstream) implements AutoCloseable {

    /** Starts all three; {@code upstream} says where WireMock finds its stubs. */
    static Infrastructure start(WireMockConfiguration upstream) throws Exception {
        Path kafkaData = Files.createDirectories(Path.of("target", "system-tests")).resolve("kafka-" + System.nanoTime());
        SingleNodeKafka kafka = SingleNodeKafka.start(kafkaData, "127.0.0.1", FreePorts.next(), FreePorts.next());
        kafka.createTopics(Topics.ALL, 3);
        EmbeddedStore store = EmbeddedStore.inMemory("127.0.0.1", FreePorts.next());
        WireMockServer wireMock = new WireMockServer(upstream.dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        return new Infrastructure(kafka, store, wireMock);
    }

    @Override
    public void close() {
        upstream.stop();
        kafka.close();
        store.close();
    }
}
