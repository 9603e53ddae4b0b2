package dev.ecopulse.system;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.infra.EmbeddedStore;
import dev.ecopulse.infra.SingleNodeKafka;
import dev.ecopulse.ops.grafana.Dashboards;
import dev.ecopulse.ops.prometheus.Exposition;
import dev.ecopulse.ops.prometheus.ExposureCheck;
import dev.ecopulse.ops.prometheus.RuleFiles;
import dev.ecopulse.ops.promql.Query;
import dev.ecopulse.testsupport.FreePorts;
import dev.ecopulse.testsupport.TopicClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric the Grafana dashboards and the alert rules read is one the running services expose. The four packaged
 * services run as processes on a real broker and store, with WireMock in place of GitHub, PyPI, pypistats, Maven
 * Central and deps.dev; each collector runs a collection, the aggregator ingests it (a re-sent observation and an
 * invalid record included) and scores, the REST API is called; then {@code /q/metrics} of every service is scraped
 * the way Prometheus scrapes it and every query of {@code deploy/grafana/dashboards} and
 * {@code deploy/prometheus/alerts.yml} is checked against it. A renamed metric or label fails here, not in Grafana.
 */
class DashboardMetricsIT {

    private static final String ADMIN_KEY = "dashboard-test-key-0123456789";
    private static final String AGGREGATOR_GROUP = "ecopulse-aggregator";
    private static final List<String> OBSERVATION_TOPICS = List.of(Topics.METRICS_GITHUB, Topics.METRICS_PYPI,
            Topics.METRICS_MAVEN);
    /** What Prometheus sends: OpenMetrics preferred, the text format accepted. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private static final Path DEPLOY = Path.of(System.getProperty("ecopulse.deploy.dir", "../../deploy"));

    private static Infrastructure infrastructure;
    private static SingleNodeKafka kafka;
    private static EmbeddedStore store;
    private static WireMockServer upstream;
    private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();

    @BeforeAll
    static void startStackAndRunThePipeline() throws Exception {
        infrastructure = Infrastructure.start(options().usingFilesUnderClasspath("stubs"));
        kafka = infrastructure.kafka();
        store = infrastructure.store();
        upstream = infrastructure.upstream();

        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_MONGODB_CONNECTION_STRING", store.connectionString());
        env.put("ECOPULSE_CATALOG_PATH", Path.of("src/test/resources/dashboard-catalog.yaml").toAbsolutePath().toString());
        env.put("ECOPULSE_ADMIN_KEY", ADMIN_KEY);
        env.put("ECOPULSE_COLLECT_ON_START", "false");
        env.put("GITHUB_TOKEN", "system-test-token");
        // the stubs speak plain http; the collector sends a token over http only when allowed
        env.put("ECOPULSE_UPSTREAM_ALLOW_INSECURE", "true");
        env.put("ECOPULSE_GITHUB_API_URL", upstream.baseUrl());
        env.put("ECOPULSE_PYPI_URL", upstream.baseUrl());
        env.put("ECOPULSE_PYPISTATS_URL", upstream.baseUrl());
        env.put("ECOPULSE_DEPSDEV_URL", upstream.baseUrl());
        env.put("ECOPULSE_MAVEN_REPO_URL", upstream.baseUrl() + "/maven2");
        env.put("ECOPULSE_MAVEN_SEARCH_URL", upstream.baseUrl());
        for (String name : List.of("aggregator", "github-collector", "pypi-collector", "maven-collector")) {
            SERVICES.put(name, ServiceProcess.start(name, FreePorts.next(), env));
        }
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> SERVICES.values().stream().allMatch(ServiceProcess::ready));

        // one collection per collector, each publishing every target
        for (String collector : List.of("github-collector", "pypi-collector", "maven-collector")) {
            JsonNode run = collect(collector);
            assertThat(run.path("state").asText()).as(collector + ": " + run).isEqualTo("SUCCEEDED");
            assertThat(run.path("published").asInt()).as(collector + ": " + run).isPositive();
        }
        // the same PyPI observations again within the hour: the aggregator skips them as duplicates
        collect("pypi-collector");
        // a record without its CloudEvents envelope: rejected to the dead-letter topic
        send(Topics.METRICS_PYPI, "flax", "{\"projectId\":\"flax\"}");

        awaitAggregatorCaughtUp();
        assertThat(TopicClient.read(kafka.bootstrapServers(), Topics.METRICS_DLQ, 1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(TopicClient.read(kafka.bootstrapServers(), Topics.SCORES, 1, Duration.ofSeconds(60))).isNotEmpty();

        // REST traffic on the aggregator, an error among it
        ServiceProcess aggregator = SERVICES.get("aggregator");
        await().atMost(Duration.ofSeconds(30)).until(
                () -> json(aggregator.get("/api/v1/projects/flax/observations").body()).size() == 2);
        assertThat(aggregator.get("/api/v1/frameworks").statusCode()).isEqualTo(200);
        assertThat(aggregator.get("/api/v1/frameworks/jax").statusCode()).isEqualTo(200);
        assertThat(aggregator.get("/api/v1/projects/no-such-project").statusCode()).isEqualTo(404);
    }

    @AfterAll
    static void stopStack() throws Exception {
        for (ServiceProcess service : SERVICES.values()) {
            service.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void everyDashboardAndAlertQueryReadsMetricsTheServicesExpose() {
        List<Query> queries = queries();
        assertThat(queries).hasSizeGreaterThan(40);
        // Micrometer binds the Kafka clients' metrics that appear after start (per-partition lag) on its 60 s refresh,
        // and the counters of the last events are registered a moment after the records they count are visible
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(ExposureCheck.problems(queries, scrapeAll()))
                        .as("queries reading metrics or labels the running services do not expose")
                        .isEmpty());
    }

    @Test
    void theCheckCatchesARenamedMetricOrLabelAgainstTheLiveServices() throws Exception {
        List<Exposition> live = scrapeAll();
        List<Query> renamed = queries().stream()
                .filter(q -> q.expr().contains("ecopulse_collector_runs_total"))
                .map(q -> new Query(q.where(), q.expr().replace("ecopulse_collector_runs_total",
                        "ecopulse_collector_run_total")))
                .toList();
        assertThat(renamed).isNotEmpty();
        assertThat(ExposureCheck.problems(renamed, live)).hasSameSizeAs(renamed)
                .allSatisfy(p -> assertThat(p).contains("ecopulse_collector_run_total is not exposed")
                        .contains("ecopulse_collector_runs_total"));
        Query wrongLabel = new Query("probe", "ecopulse_aggregator_observations_stored_total{project=\"flax\"}");
        assertThat(ExposureCheck.problems(List.of(wrongLabel), live)).singleElement().asString()
                .contains("has no label 'project'");
        Query wrongService = new Query("probe", "ecopulse_github_rate_limit_remaining{service=\"aggregator\"}");
        assertThat(ExposureCheck.problems(List.of(wrongService), live)).singleElement().asString()
                .contains("not exposed by service 'aggregator'");
    }

    private static List<Query> queries() {
        List<Query> queries = new ArrayList<>(Dashboards.queries(DEPLOY.resolve("grafana/dashboards")));
        queries.addAll(RuleFiles.queries(DEPLOY.resolve("prometheus/alerts.yml")));
        return queries;
    }

    /** {@code /q/metrics} of every service, asked for as Prometheus asks. */
    private static List<Exposition> scrapeAll() throws Exception {
        List<Exposition> expositions = new ArrayList<>();
        for (Map.Entry<String, ServiceProcess> service : SERVICES.entrySet()) {
            HttpResponse<String> response = ServiceProcess.HTTP.send(HttpRequest.newBuilder(
                    URI.create(service.getValue().url("/q/metrics"))).header("Accept", PROMETHEUS_ACCEPT)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            Exposition exposition = Exposition.parse(response.body());
            assertThat(exposition.service()).isEqualTo(service.getKey());
            expositions.add(exposition);
        }
        return expositions;
    }

    /** Starts a collection run and waits for its end; answers the finished run. */
    private static JsonNode collect(String collector) throws Exception {
        ServiceProcess service = SERVICES.get(collector);
        HttpResponse<String> started = service.post("/api/v1/collect", Map.of("X-Api-Key", ADMIN_KEY));
        assertThat(started.statusCode()).as(collector + ": " + started.body()).isEqualTo(202);
        String runId = json(started.body()).get("runId").asText();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(
                () -> json(service.get("/api/v1/collect/" + runId).body()).path("state").asText(),
                state -> !state.equals("RUNNING"));
        return json(service.get("/api/v1/collect/" + runId).body());
    }

    private static void send(String topic, String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Waits until the aggregator's consumer group has committed every record of the observation topics. */
    private static void awaitAggregatorCaughtUp() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(AGGREGATOR_GROUP)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(OBSERVATION_TOPICS).allTopicNames().get()
                        .values().stream().flatMap(t -> t.partitions().stream()
                                .map(i -> new TopicPartition(t.name(), i.partition())))
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end ->
                        end.getValue().offset() == 0 || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue().offset()));
            });
        }
    }

    private static JsonNode json(String body) throws Exception {
        return EventJson.mapper().readTree(body);
    }
}
