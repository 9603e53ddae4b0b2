package dev.ecopulse.system;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.testsupport.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The framework-level sources as packaged processes: each collector reads its upstream (WireMock, in the upstream's
 * own format, from {@code framework-stubs/}), publishes through the real broker, and the aggregator explains each
 * framework with the source's signals, their values from the stubs and their sources, and compares the frameworks'
 * shares of them. One stack start for every source.
 */
class FrameworkSourcesIT {

    private static final String ADMIN_KEY = "system-test-key-0123456789";
    private static final List<String> COLLECTORS = List.of("huggingface-collector", "stackexchange-collector",
            "research-collector", "npm-collector");
    private static final double EXACT = 1e-9;

    private static Infrastructure infrastructure;
    private static ServiceProcess aggregator;
    private static final Map<String, ServiceProcess> collectors = new LinkedHashMap<>();

    @BeforeAll
    static void startStack() throws Exception {
        infrastructure = Infrastructure.start(options().usingFilesUnderClasspath("framework-stubs"));
        String upstream = infrastructure.upstream().baseUrl();
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafka().bootstrapServers());
        env.put("QUARKUS_MONGODB_CONNECTION_STRING", infrastructure.store().connectionString());
        env.put("ECOPULSE_CATALOG_PATH",
                Path.of("src/test/resources/framework-sources-catalog.yaml").toAbsolutePath().toString());
        env.put("ECOPULSE_ADMIN_KEY", ADMIN_KEY);
        env.put("ECOPULSE_COLLECT_ON_START", "false");
        // the Hub in pages of 3 and a top 6, so the stubs page both lists
        env.put("ECOPULSE_HUGGINGFACE_URL", upstream);
        env.put("ECOPULSE_HUGGINGFACE_PAGE_SIZE", "3");
        env.put("ECOPULSE_HUGGINGFACE_TOP_MODELS", "6");
        env.put("ECOPULSE_STACKEXCHANGE_URL", upstream);
        // with a key OpenAlex allows $1 a day; without one 10 searches, fewer than the first run's backfill asks (the
        // key goes to plain-http WireMock only because insecure upstreams are allowed here)
        env.put("ECOPULSE_RESEARCH_URL", upstream);
        env.put("ECOPULSE_OPENALEX_API_KEY", "system-test-openalex-key");
        env.put("ECOPULSE_UPSTREAM_ALLOW_INSECURE", "true");
        // the stub tells last year's count by its first day: today - 30 - 364 days
        env.put("ECOPULSE_RESEARCH_LAG", "30d");
        env.put("ECOPULSE_NPM_REGISTRY_URL", upstream);
        env.put("ECOPULSE_NPM_DOWNLOADS_URL", upstream);
        aggregator = ServiceProcess.start("aggregator", FreePorts.next(), env);
        for (String name : COLLECTORS) {
            collectors.put(name, ServiceProcess.start(name, FreePorts.next(), env));
        }
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                aggregator.ready() && collectors.values().stream().allMatch(ServiceProcess::ready));
    }

    @AfterAll
    static void stopStack() throws Exception {
        for (ServiceProcess c : collectors.values()) {
            c.close();
        }
        if (aggregator != null) {
            aggregator.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void eachSourceIsExplainedWithItsValueAndSourceAndShared() throws Exception {
        Map<String, String> runs = new LinkedHashMap<>();
        for (var collector : collectors.entrySet()) {
            var started = collector.getValue().post("/api/v1/collect", Map.of("X-Api-Key", ADMIN_KEY));
            assertThat(started.statusCode()).as(collector.getKey()).isEqualTo(202);
            runs.put(collector.getKey(), json(started.body()).get("runId").asText());
        }
        for (var run : runs.entrySet()) {
            ServiceProcess collector = collectors.get(run.getKey());
            String path = "/api/v1/collect/" + run.getValue();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(
                    () -> json(collector.get(path).body()).get("state").asText(), state -> !state.equals("RUNNING"));
            JsonNode summary = json(collector.get(path).body());
            assertThat(summary.get("state").asText()).as(summary.toString()).isEqualTo("SUCCEEDED");
            assertThat(summary.get("published").asInt()).as(summary.toString()).isEqualTo(2);
            assertThat(summary.path("errors")).as(summary.toString()).isEmpty();
        }
        // every request was one the stubs know, so every number below comes from them
        assertThat(infrastructure.upstream().findAllUnmatchedRequests()).isEmpty();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode tensorflow = framework("tensorflow");
            JsonNode keras = framework("keras");
            // the Hub: tf has 7 models over 3 pages; keras 4 and tf-keras 2, one of them the same model
            assertSignal(tensorflow, "hubModels", 7, "huggingface tf models.tagged");
            assertSignal(keras, "hubModels", 5, "huggingface keras,tf-keras models.tagged");
            // of the top 6: bert, the OCR model (also keras), MiniLM and whisper carry tf; the OCR and the
            // autoencoder keras or tf-keras; clip neither
            assertSignal(tensorflow, "topModelsAvailable", 4.0 / 6, "huggingface tf topModels.available");
            assertSignal(keras, "topModelsAvailable", 2.0 / 6, "huggingface keras,tf-keras topModels.available");
            assertSignal(tensorflow, "topModelsExclusive", 3, "huggingface tf topModels.exclusive");
            assertSignal(keras, "topModelsExclusive", 1, "huggingface keras,tf-keras topModels.exclusive");
            // Stack Overflow: the last 30 days, the tag's total, and 1 - unanswered / asked the 30 days before
            assertSignal(tensorflow, "questions30d", 300, "stackexchange tensorflow questions.last30Days");
            assertSignal(keras, "questions30d", 150, "stackexchange keras questions.last30Days");
            assertSignal(tensorflow, "questionsTotal", 80250, "stackexchange tensorflow questions.total");
            assertSignal(keras, "questionsTotal", 42400, "stackexchange keras questions.total");
            assertSignal(tensorflow, "answeredShare", 1 - 100.0 / 400,
                    "stackexchange tensorflow questions.answeredShare");
            assertSignal(keras, "answeredShare", 1 - 48.0 / 120, "stackexchange keras questions.answeredShare");
            // OpenAlex: works of the last year (its window ends the indexing lag before today)
            assertSignal(tensorflow, "works365d", 21450, "research \"TensorFlow\" works.lastYear");
            assertSignal(keras, "works365d", 9850, "research \"Keras\" works.lastYear");
            // npm: the last 30 days of each project's package, summed into its framework
            assertSignal(tensorflow, "npmDownloads30d", 30 * 12_000, "tfjs");
            assertSignal(keras, "npmDownloads30d", 30 * 2_400, "keras-js");
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var answer = aggregator.get("/api/v1/projects/tfjs");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertSignal(json(answer.body()), "npmDownloads30d", 30 * 12_000,
                    "npm @tensorflow/tfjs downloads.lastMonth");
        });

        JsonNode shares = json(aggregator.get("/api/v1/compare?frameworks=tensorflow,keras").body()).get("overall");
        assertShares(shares, "hubModels", 58.33, 41.67);          // 7 and 5 of 12
        assertShares(shares, "topModelsExclusive", 75.0, 25.0);   // 3 and 1 of 4
        assertShares(shares, "questions30d", 66.67, 33.33);       // 300 and 150 of 450
        assertShares(shares, "works365d", 68.53, 31.47);          // 21,450 and 9,850 of 31,300
        assertShares(shares, "npmDownloads30d", 83.33, 16.67);    // 360,000 and 72,000 of 432,000
    }

    private static void assertSignal(JsonNode framework, String id, double raw, String source) {
        JsonNode signal = signal(framework, id);
        assertThat(signal.path("raw").isNumber()).as(id + " of " + framework.get("id") + ": " + signal).isTrue();
        assertThat(signal.get("raw").asDouble()).as(id + " of " + framework.get("id")).isCloseTo(raw, within(1e-4));
        List<String> sources = new ArrayList<>();
        signal.get("sources").forEach(s -> sources.add(s.asText()));
        assertThat(sources).as(id + " of " + framework.get("id")).containsExactly(source);
    }

    private static void assertShares(JsonNode overall, String measure, double tensorflow, double keras) {
        assertThat(overall.at("/tensorflow/shares/" + measure + "/percent").asDouble()).as(measure + ": " + overall)
                .isCloseTo(tensorflow, within(EXACT));
        assertThat(overall.at("/keras/shares/" + measure + "/percent").asDouble()).as(measure + ": " + overall)
                .isCloseTo(keras, within(EXACT));
    }

    private static JsonNode framework(String id) throws Exception {
        var answer = aggregator.get("/api/v1/frameworks/" + id);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer.body());
    }

    private static JsonNode signal(JsonNode framework, String id) {
        for (JsonNode d : framework.at("/maturity/dimensions")) {
            for (JsonNode s : d.get("signals")) {
                if (s.get("signal").asText().equals(id)) {
                    return s;
                }
            }
        }
        throw new AssertionError("no signal " + id + " in " + framework.get("id"));
    }

    private static JsonNode json(String body) throws Exception {
        return EventJson.mapper().readTree(body);
    }
}
