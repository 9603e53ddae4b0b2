package dev.ecopulse.aggregator.messaging;

import dev.ecopulse.aggregator.service.IncomingEvent;
import dev.ecopulse.aggregator.service.IncomingObservation;
import dev.ecopulse.aggregator.service.IncomingSeries;
import dev.ecopulse.aggregator.service.InvalidObservationException;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads the CloudEvents binary-mode headers of an event on an observation topic (an observation or a series, by its
 * ce_type); a missing or wrong one makes it invalid.
 */
final class CloudEventHeaders {

    private CloudEventHeaders() {
    }

    static IncomingEvent read(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record"));
        Headers headers = kafka.getHeaders();
        String specVersion = required(headers, CloudEventAttributes.HEADER_SPEC_VERSION);
        if (!CloudEventAttributes.SPEC_VERSION.equals(specVersion)) {
            throw new InvalidObservationException("unsupported ce_specversion '" + specVersion + "'");
        }
        String type = required(headers, CloudEventAttributes.HEADER_TYPE);
        Optional<ObservationSource> seriesOf = Arrays.stream(ObservationSource.values())
                .filter(s -> SeriesObservation.eventType(s).equals(type)).findFirst();
        ObservationSource source = seriesOf.or(() -> ObservationSource.fromEventType(type))
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
        String id = required(headers, CloudEventAttributes.HEADER_ID);
        String subject = required(headers, CloudEventAttributes.HEADER_SUBJECT);
        String recordKey = key == null ? null : key.toString();
        if (seriesOf.isPresent()) {
            return new IncomingSeries(id, source, subject, recordKey, observedAt, message.getPayload());
        }
        return new IncomingObservation(id, source, subject, recordKey, observedAt, message.getPayload());
    }

    private static String required(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new InvalidObservationException("missing header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
