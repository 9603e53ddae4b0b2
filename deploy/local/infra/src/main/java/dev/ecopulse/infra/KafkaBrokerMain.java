package dev.ecopulse.infra;

import dev.ecopulse.contract.event.Topics;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Runs the single-node broker as a process for the local stack and creates the contract's topics. */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args, Map.of("data", ".local-data/kafka", "host", "127.0.0.1", "port", "9092",
                "controller-port", "9093", "partitions", "3"));
        SingleNodeKafka kafka = SingleNodeKafka.start(Path.of(o.get("data")), o.get("host"), o.port("port"),
                o.port("controller-port"));
        kafka.createTopics(Topics.ALL, Integer.parseInt(o.get("partitions")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "broker-shutdown"));
        System.out.println("Kafka broker ready on " + kafka.bootstrapServers() + ", topics " + Topics.ALL);
        stopped.await();
    }
}
