package dev.ecopulse.aggregator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.aggregator.ObservationSender;
import dev.ecopulse.aggregator.TestObservations;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Observation;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end freshness (not a test): publishes one GitHub observation at a time, each newer than the last and with
 * more stars, and polls {@code GET /api/v1/projects/{id}} until the project's score rests on it ({@code updatedAt}
 * is the observation's time) and its latest GitHub observation shows the new star count. Reports the latency from
 * the publish call to the first answer showing it (p50, p95, max). Run by deploy/bench/freshness.sh.
 *
 * <p>Arguments: bootstrap servers, aggregator base URL, samples (60), project id (torch).
 */
public final class Freshness {

    static final Duration POLL = Duration.ofMillis(10);

    private Freshness() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String aggregator = args[1];
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        String projectId = args.length > 3 ? args[3] : "torch";
        Project project = CatalogLoader.loadDefault().project(projectId)
                .orElseThrow(() -> new IllegalArgumentException("no project " + projectId + " in the catalog"));
        URI detail = URI.create(aggregator + "/api/v1/projects/" + projectId);

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // each sample an hour after the last (observation ids are hourly), all in the past, the last one an hour ago
        Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(samples));
        List<Double> millis = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < samples; i++) {
                Instant at = first.plus(Duration.ofHours(i)).plusSeconds(17);
                var g = TestObservations.github(projectId, project.github(), at);
                g.stars = 80_000L + 10L * i;
                Observation o = g.build();
                ProducerRecord<String, String> record = new ProducerRecord<>(o.source().topic(), o.projectId(),
                        new String(EventJson.write(o), StandardCharsets.UTF_8));
                ObservationSender.headers(o).forEach((k, v) -> record.headers().add(k,
                        v.getBytes(StandardCharsets.UTF_8)));
                long start = System.nanoTime();
                producer.send(record);
                producer.flush();
                long deadline = start + Duration.ofSeconds(60).toNanos();
                while (!shows(detail, at, g.stars)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("observation " + i + " not visible after 60 s");
                    }
                    Thread.sleep(POLL.toMillis());
                }
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("freshness over %d observations of %s (publish -> visible over REST, polled every %d ms):"
                + " p50 %.0f ms, p95 %.0f ms, max %.0f ms, min %.0f ms%n", samples, projectId, POLL.toMillis(),
                percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1), sorted.get(0));
    }

    static boolean shows(URI detail, Instant observedAt, long stars) throws Exception {
        HttpResponse<String> response = IngestLoad.HTTP.send(HttpRequest.newBuilder(detail).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return false;
        }
        JsonNode body = EventJson.mapper().readTree(response.body());
        JsonNode github = body.path("latest").path("github").path(0).path("payload");
        return body.hasNonNull("updatedAt") && Instant.parse(body.get("updatedAt").asText()).equals(observedAt)
                && github.path("stars").asLong() == stars;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
