package dev.ecopulse.aggregator.bench;

import dev.ecopulse.aggregator.ObservationSender;
import dev.ecopulse.aggregator.TestObservations;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Observation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Ingest benchmark (not a test): publishes collection runs of every catalog subject, one run every 6 hours, as the
 * collectors would, and measures how fast a running aggregator stores them, from the first record sent until its
 * stored-observations counter has counted them all. Run by deploy/bench/aggregator-load.sh.
 *
 * <p>Arguments: bootstrap servers, aggregator base URL, number of observations.
 */
public final class IngestLoad {

    /** HTTP/1.1: the JDK client's h2c upgrade of a plain-HTTP request can break on a large answer like /q/metrics. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private IngestLoad() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String aggregator = args[1];
        int count = Integer.parseInt(args[2]);
        List<Observation> observations = runs(CatalogLoader.loadDefault(), count);
        double before = stored(aggregator);

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
        double sent = (System.nanoTime() - start) / 1e9;
        System.out.printf("published %d observations in %.1f s (%.0f/s)%n", observations.size(), sent,
                observations.size() / sent);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        double stored;
        while ((stored = stored(aggregator) - before) < observations.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("only " + stored + " of " + observations.size() + " stored");
            }
            Thread.sleep(100);
        }
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf("ingested %d observations in %.1f s: %.0f observations/s (validated, stored once,"
                + " latest updated, acknowledged)%n", observations.size(), total, observations.size() / total);
    }

    /** Runs of every catalog subject, 6 hours apart and ending now, until {@code count} observations. */
    static List<Observation> runs(Catalog catalog, int count) {
        Random random = new Random(42);
        List<Observation> all = new ArrayList<>();
        Instant last = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        int perRun = catalog.projects().stream().mapToInt(pr -> (pr.github() == null ? 0 : 1) + pr.pypi().size()
                + pr.maven().size()).sum();
        int runs = (count + perRun - 1) / perRun;
        for (int run = runs - 1; run >= 0 && all.size() < count; run--) {
            Instant at = last.minus(Duration.ofHours(6L * run));
            double growth = 1 + 0.002 * (runs - run);
            for (Project project : catalog.projects()) {
                if (project.github() != null && all.size() < count) {
                    var g = TestObservations.github(project.id(), project.github(), at);
                    g.stars = Math.round((1_000 + random.nextInt(90_000)) * growth);
                    all.add(g.build());
                }
                for (String pkg : project.pypi()) {
                    if (all.size() < count) {
                        var py = TestObservations.pypi(project.id(), pkg, at);
                        py.last30Days = Math.round((10_000 + random.nextInt(40_000_000)) * growth);
                        all.add(py.build());
                    }
                }
                for (String coordinate : project.maven()) {
                    if (all.size() < count) {
                        all.add(TestObservations.maven(project.id(), coordinate, at).build());
                    }
                }
            }
        }
        return all;
    }

    static double stored(String aggregator) throws Exception {
        return counter(aggregator, "ecopulse_aggregator_observations_stored_total");
    }

    /** The sum of a counter over all its tags, read from the aggregator's Prometheus endpoint. */
    static double counter(String aggregator, String name) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(aggregator + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return Arrays.stream(response.body().split("\n"))
                .filter(l -> l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
