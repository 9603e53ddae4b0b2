package dev.ecopulse.aggregator;

import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes observations the way the collectors do: CloudEvents binary mode, keyed by project, deterministic id. */
public final class ObservationSender {

    private ObservationSender() {
    }

    /** The ce_* headers a collector sends with the observation. */
    public static Map<String, String> headers(Observation o) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventAttributes.HEADER_SPEC_VERSION, CloudEventAttributes.SPEC_VERSION);
        headers.put(CloudEventAttributes.HEADER_ID, id(o));
        headers.put(CloudEventAttributes.HEADER_TYPE, o.source().eventType());
        headers.put(CloudEventAttributes.HEADER_SOURCE, o.source().eventSource());
        headers.put(CloudEventAttributes.HEADER_SUBJECT, o.projectId());
        headers.put(CloudEventAttributes.HEADER_TIME, o.observedAt().toString());
        headers.put(CloudEventAttributes.HEADER_CONTENT_TYPE, CloudEventAttributes.CONTENT_TYPE);
        return headers;
    }

    public static String id(Observation o) {
        return EventIds.observationId(o.source(), o.projectId(), o.subject(), o.observedAt(), EventIds.DEFAULT_BUCKET);
    }

    /** Sends every observation, in the given order, and waits until the broker has them all. */
    public static void send(Collection<? extends Observation> observations) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties())) {
            var sent = new java.util.ArrayList<Future<RecordMetadata>>();
            for (Observation o : observations) {
                ProducerRecord<String, String> record = new ProducerRecord<>(o.source().topic(), o.projectId(),
                        new String(EventJson.write(o), StandardCharsets.UTF_8));
                headers(o).forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                sent.add(producer.send(record));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send observations", e);
        }
    }

    private static Properties properties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return p;
    }
}
