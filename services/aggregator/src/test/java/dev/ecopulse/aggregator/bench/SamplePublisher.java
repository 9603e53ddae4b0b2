package dev.ecopulse.aggregator.bench;

import dev.ecopulse.aggregator.EcosystemData;
import dev.ecopulse.aggregator.ObservationSender;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Observation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the tests' realistic Keras and PaddlePaddle observations to a running stack (not a test), e.g. to see
 * the API's answers: the examples in docs/api.md come from it. Argument: bootstrap servers.
 */
public final class SamplePublisher {

    private SamplePublisher() {
    }

    public static void main(String[] args) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        List<Observation> all = new ArrayList<>(EcosystemData.keras());
        all.addAll(EcosystemData.paddle());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (Observation o : all) {
                ProducerRecord<String, String> record = new ProducerRecord<>(o.source().topic(), o.projectId(),
                        new String(EventJson.write(o), StandardCharsets.UTF_8));
                ObservationSender.headers(o).forEach((k, v) -> record.headers().add(k,
                        v.getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
            }
        }
        System.out.println("published " + all.size() + " observations of keras and paddlepaddle");
    }
}
