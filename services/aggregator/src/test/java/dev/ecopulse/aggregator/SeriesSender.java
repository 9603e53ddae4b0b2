package dev.ecopulse.aggregator;

import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.testsupport.TopicClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Publishes series events the way the collectors do: on the source's topic, keyed by project, content-based id. */
final class SeriesSender {

    private SeriesSender() {
    }

    /** Daily PyPI downloads of {@code days} days from {@code first}, counts growing by one a day from {@code base}. */
    static SeriesObservation dailyDownloads(String projectId, String pypiPackage, LocalDate first, int days,
            long base, Instant observedAt) {
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            flows.add(new Flow(SeriesObservation.Signals.DOWNLOADS, first.plusDays(i), first.plusDays(i + 1L),
                    base + i));
        }
        return new SeriesObservation(projectId, "pypi", pypiPackage, observedAt, "run-" + projectId,
                SeriesObservation.ORIGIN_BACKFILL, flows, List.of());
    }

    static Map<String, String> headers(SeriesObservation s) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventAttributes.HEADER_SPEC_VERSION, CloudEventAttributes.SPEC_VERSION);
        headers.put(CloudEventAttributes.HEADER_ID, EventIds.seriesId(s));
        headers.put(CloudEventAttributes.HEADER_TYPE, s.eventType());
        headers.put(CloudEventAttributes.HEADER_SOURCE, s.observationSource().eventSource());
        headers.put(CloudEventAttributes.HEADER_SUBJECT, s.projectId());
        headers.put(CloudEventAttributes.HEADER_TIME, s.observedAt().toString());
        headers.put(CloudEventAttributes.HEADER_CONTENT_TYPE, CloudEventAttributes.CONTENT_TYPE);
        return headers;
    }

    static String json(SeriesObservation s) {
        return new String(EventJson.write(s), StandardCharsets.UTF_8);
    }

    static void send(SeriesObservation s) {
        send(s, json(s), headers(s));
    }

    static void send(SeriesObservation s, String payload, Map<String, String> headers) {
        TopicClient.send(s.observationSource().topic(), s.projectId(), payload, headers);
    }
}
