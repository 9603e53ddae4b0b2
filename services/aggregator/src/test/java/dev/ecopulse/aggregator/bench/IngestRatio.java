package dev.ecopulse.aggregator.bench;

import dev.ecopulse.aggregator.ObservationSender;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Ingest against the broker's own speed (not a test), in three steps run by deploy/bench/ingest-ratio.sh:
 * {@code preload} publishes N realistic observations (as {@link IngestLoad}) while no aggregator runs; {@code consume}
 * times a plain Kafka consumer reading them all (strings, no processing: the ceiling); {@code await} times a running
 * aggregator until its stored and duplicate counters have counted them all.
 *
 * <p>Arguments: {@code preload <bootstrap> <count>} | {@code consume <bootstrap> <count>} |
 * {@code await <aggregator-url> <count>}.
 */
public final class IngestRatio {

    static final List<String> OBSERVATION_TOPICS = List.of(Topics.METRICS_GITHUB, Topics.METRICS_PYPI,
            Topics.METRICS_MAVEN);

    private IngestRatio() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[2]);
        switch (args[0]) {
            case "preload" -> preload(args[1], count);
            case "consume" -> consume(args[1], count);
            case "await" -> await(args[1], count);
            default -> throw new IllegalArgumentException("preload, consume or await, not " + args[0]);
        }
    }

    static void preload(String bootstrap, int count) {
        List<Observation> observations = IngestLoad.runs(CatalogLoader.loadDefault(), count);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (Observation o : observations) {
                ProducerRecord<String, String> record = new ProducerRecord<>(o.source().topic(), o.projectId(),
                        new String(EventJson.write(o), StandardCharsets.UTF_8));
                ObservationSender.headers(o).forEach((k, v) -> record.headers().add(k,
                        v.getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("preloaded %d observations in %.1f s (%.0f/s)%n", observations.size(), seconds,
                observations.size() / seconds);
    }

    /** Reads every partition of the observation topics from the start, without a group (no rebalance to wait for). */
    static void consume(String bootstrap, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = OBSERVATION_TOPICS.stream()
                    .flatMap(t -> consumer.partitionsFor(t).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long bytes = 0;
            long start = System.nanoTime();
            long first = 0;
            long deadline = start + Duration.ofMinutes(5).toNanos();
            while (read < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + read + " of " + count + " records read");
                }
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (first == 0 && !records.isEmpty()) {
                    first = System.nanoTime();
                }
                for (var r : records) {
                    read++;
                    bytes += r.value().length();
                }
            }
            double total = (System.nanoTime() - start) / 1e9;
            double flowing = (System.nanoTime() - first) / 1e9;
            System.out.printf("plain consumer read %d records (%.0f MB of values) in %.1f s from the first poll:"
                    + " %.0f records/s (%.0f/s from the first record)%n", read, bytes / 1e6, total, read / total,
                    read / flowing);
        }
    }

    /**
     * Polls the aggregator's counters; times from the first observation counted (rate while consuming) and reports
     * the time since this call started too (which includes whatever the aggregator still did to start).
     */
    static void await(String aggregator, int count) throws Exception {
        long start = System.nanoTime();
        long first = 0;
        long deadline = start + Duration.ofMinutes(30).toNanos();
        double counted;
        double firstCount = 0;
        while ((counted = counted(aggregator)) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + counted + " of " + count + " observations counted");
            }
            if (first == 0 && counted > 0) {
                first = System.nanoTime();
                firstCount = counted;
            }
            Thread.sleep(100);
        }
        long end = System.nanoTime();
        if (first == 0) {
            first = end;
        }
        double flowing = (end - first) / 1e9;
        System.out.printf("aggregator stored %.0f observations (stored + duplicates): %.1f s from the first one"
                + " counted, %.0f observations/s (%.1f s since it was started)%n", counted, flowing,
                (counted - firstCount) / flowing, (end - start) / 1e9);
    }

    static double counted(String aggregator) {
        try {
            return IngestLoad.counter(aggregator, "ecopulse_aggregator_observations_stored_total")
                    + IngestLoad.counter(aggregator, "ecopulse_aggregator_observations_duplicates_total");
        } catch (Exception e) {
            return 0; // not up yet
        }
    }
}
