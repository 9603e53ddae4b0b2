package dev.ecopulse.aggregator.messaging;

import dev.ecopulse.aggregator.service.IncomingObservation;
import dev.ecopulse.aggregator.service.InvalidObservationException;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.ObservationSource;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Reads an observation's CloudEvents binary-mode headers; a missing or wrong one makes it invalid. */
final class CloudEventHeaders {

    private CloudEventHeaders() {
    }

    static IncomingObservation read(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record"));
        Headers headers = kafka.getHeaders();
        String specVersion = required(headers, CloudEventAttributes.HEADER_SPEC_VERSION);
        if (!CloudEventAttributes.SPEC_VERSION.equals(specVersion)) {
            throw new InvalidObservationException("unsupported ce_specversion '" + specVersion + "'");
        }
        String type = required(headers, CloudEventAttributes.HEADER_TYPE);
        ObservationSource source = ObservationSource.fromEventType(type)
                .orElseThrow(() -> new InvalidObservationException("unknown ce_type '" + type + "'"));
        if (!source.topic().equals(kafka.getTopic())) {
            throw new InvalidObservationException("ce_type '" + type + "' does not belong on " + kafka.getTopic());
        }
        String time = required(headers, CloudEventAttributes.HEADER_TIME);
        Instant observedAt;
        try {
            observedAt = Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new InvalidObservationException("ce_time '" + time + "' is not an RFC 3339 time");
        }
        if (message.getPayload() == null || message.getPayload().isBlank()) {
            throw new InvalidObservationException("empty payload");
        }
        Object key = kafka.getKey();
        return new IncomingObservation(required(headers, CloudEventAttributes.HEADER_ID), source,
                required(headers, CloudEventAttributes.HEADER_SUBJECT), key == null ? null : key.toString(),
                observedAt, message.getPayload());
    }

    private static String required(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new InvalidObservationException("missing header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
