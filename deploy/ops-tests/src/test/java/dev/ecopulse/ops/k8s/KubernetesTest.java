package dev.ecopulse.ops.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.ops.Repo;
import dev.ecopulse.ops.Tools;
import dev.ecopulse.ops.Topology;
import dev.ecopulse.ops.Yamls;
import dev.ecopulse.ops.config.ServiceConfig;
import dev.ecopulse.ops.config.ServicePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/k8s against the services' code and config, the event contract's topics and docs/operations.md. */
class KubernetesTest {

    static final List<String> SERVICES = Repo.SERVICES;
    /** The keys of the Secret ecopulse-secrets that docs/operations.md tells operators to create. */
    static final Set<String> SECRET_KEYS = Set.of("admin-key", "github-token", "hf-token", "stackexchange-key",
            "openalex-api-key", "mongodb-connection-string");
    /** The Secret's key of each upstream credential (all optional). */
    static final Map<String, String> CREDENTIAL_KEYS = Map.of("GITHUB_TOKEN", "github-token", "HF_TOKEN", "hf-token",
            "ECOPULSE_STACKEXCHANGE_KEY", "stackexchange-key", "ECOPULSE_OPENALEX_API_KEY", "openalex-api-key");
    private static final Path K8S = Repo.path("deploy/k8s");
    private static final Manifests BASE = Manifests.of(K8S.resolve("base"));

    private static JsonNode deployment(String name) {
        return BASE.find("Deployment", name).orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    private static JsonNode container(String name) {
        JsonNode containers = deployment(name).path("spec").path("template").path("spec").path("containers");
        assertThat(containers).as("containers of " + name).hasSize(1);
        return containers.get(0);
    }

    private static JsonNode probe(String name, String kind) {
        JsonNode probe = container(name).path(kind);
        assertThat(probe.isObject()).as(kind + " of " + name).isTrue();
        return probe.path("httpGet");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void probesAskQuarkusHealthOnTheServicePort(String name) {
        JsonNode container = container(name);
        int port = ServicePorts.of(name);
        assertThat(container.path("ports")).singleElement().satisfies(p -> {
            assertThat(p.path("name").asText()).isEqualTo("http");
            assertThat(p.path("containerPort").asInt()).isEqualTo(port);
        });
        assertThat(probe(name, "readinessProbe").path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(probe(name, "livenessProbe").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(probe(name, "startupProbe").path("path").asText()).isEqualTo("/q/health/started");
        for (String kind : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(probe(name, kind).path("port").asText()).isEqualTo("http");
        }
        JsonNode annotations = deployment(name).path("spec").path("template").path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(Integer.toString(port));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void imagesArePinnedPerServiceAndResourcesAreBounded(String name) {
        JsonNode container = container(name);
        assertThat(container.path("image").asText()).matches("ecopulse/" + name + ":[0-9][\\w.-]*")
                .doesNotEndWith(":latest");
        JsonNode resources = container.path("resources");
        assertThat(resources.path("requests").path("cpu").asText()).isNotEmpty();
        assertThat(resources.path("requests").path("memory").asText()).isNotEmpty();
        assertThat(resources.path("limits").path("memory").asText()).isNotEmpty();
        assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).contains("/tmp");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyVariableAServiceGetsIsConfigurationItReads(String name) {
        ServiceConfig config = ServiceConfig.of(name);
        List<String> variables = new ArrayList<>();
        JsonNode container = container(name);
        container.path("env").forEach(e -> variables.add(e.path("name").asText()));
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asText();
            JsonNode map = BASE.find("ConfigMap", configMap)
                    .orElseThrow(() -> new AssertionError(name + " reads ConfigMap " + configMap + ", not in the base"));
            map.path("data").fieldNames().forEachRemaining(variables::add);
        }
        assertThat(variables).as("variables of " + name).contains("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(variables.stream().filter(v -> !config.understands(v)).toList())
                .as("variables of '%s' that map to no property of its code or config (rule: ServiceConfig)", name)
                .isEmpty();
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void secretsComeFromTheDocumentedSecretOnly(String name) throws IOException {
        String operations = Files.readString(Repo.path("docs/operations.md"));
        for (JsonNode env : container(name).path("env")) {
            JsonNode ref = env.path("valueFrom").path("secretKeyRef");
            if (ref.isMissingNode()) {
                assertThat(env.path("name").asText()).as("a secret given as a plain value")
                        .isNotIn("ECOPULSE_ADMIN_KEY", "QUARKUS_MONGODB_CONNECTION_STRING")
                        .isNotIn(Repo.UPSTREAM_CREDENTIALS.keySet());
                continue;
            }
            assertThat(ref.path("name").asText()).isEqualTo("ecopulse-secrets");
            assertThat(ref.path("key").asText()).isIn(SECRET_KEYS);
        }
        for (String key : SECRET_KEYS) {
            assertThat(operations).as("docs/operations.md names the secret key " + key).contains("`" + key + "`");
        }
    }

    @Test
    void theSecretsReachTheServicesThatNeedThem() {
        for (String collector : Repo.COLLECTORS) {
            assertThat(secretKey(collector, "ECOPULSE_ADMIN_KEY")).isEqualTo("admin-key");
        }
        assertThat(CREDENTIAL_KEYS.keySet()).isEqualTo(Repo.UPSTREAM_CREDENTIALS.keySet());
        Repo.UPSTREAM_CREDENTIALS.forEach((variable, collector) -> {
            assertThat(secretKey(collector, variable)).as(variable).isEqualTo(CREDENTIAL_KEYS.get(variable));
            assertThat(secretRef(collector, variable).path("optional").asBoolean()).as(variable + " optional").isTrue();
        });
        // no other service gets a credential it does not need
        for (String service : SERVICES) {
            container(service).path("env").forEach(env -> {
                String collector = Repo.UPSTREAM_CREDENTIALS.get(env.path("name").asText());
                assertThat(collector == null || collector.equals(service)).as(service + " gets "
                        + env.path("name").asText()).isTrue();
            });
        }
        assertThat(secretKey("aggregator", "QUARKUS_MONGODB_CONNECTION_STRING")).isEqualTo("mongodb-connection-string");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void aServiceSelectsThePodsOfItsDeploymentOnItsPort(String name) {
        JsonNode service = BASE.find("Service", name).orElseThrow(() -> new AssertionError("no Service " + name));
        JsonNode podLabels = deployment(name).path("spec").path("template").path("metadata").path("labels");
        service.path("spec").path("selector").fields().forEachRemaining(
                e -> assertThat(podLabels.path(e.getKey()).asText()).as("pod label " + e.getKey())
                        .isEqualTo(e.getValue().asText()));
        assertThat(podLabels.path("service").asText()).isEqualTo(name);
        assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(ServicePorts.of(name));
        assertThat(Yamls.read(K8S.resolve("base/kustomization.yaml")).path("labels").get(0).path("pairs")
                .path("application").asText()).isEqualTo("ecopulse");
    }

    @Test
    void onlyTheAggregatorApiIsOpenAndNothingIsPublishedOutsideTheCluster() {
        for (String kind : List.of("Ingress", "Route")) {
            assertThat(BASE.ofKind(kind)).as(kind).isEmpty();
        }
        BASE.ofKind("Service").forEach(service -> assertThat(service.path("spec").path("type").asText("ClusterIP"))
                .as("type of Service " + service.path("metadata").path("name").asText()).isEqualTo("ClusterIP"));
        JsonNode namespaceOnly = BASE.find("NetworkPolicy", "ecopulse-namespace-only").orElseThrow();
        assertThat(namespaceOnly.path("spec").path("podSelector").isEmpty()).as("applies to every pod").isTrue();
        assertThat(namespaceOnly.path("spec").path("ingress").get(0).path("from").get(0).path("podSelector").isEmpty())
                .as("from pods of the namespace").isTrue();
        JsonNode api = BASE.find("NetworkPolicy", "aggregator-api").orElseThrow();
        assertThat(api.path("spec").path("podSelector").path("matchLabels").path("service").asText())
                .isEqualTo("aggregator");
        assertThat(api.path("spec").path("ingress")).hasSize(1);
        assertThat(api.path("spec").path("ingress").get(0).has("from")).as("from anywhere").isFalse();
        assertThat(api.path("spec").path("ingress").get(0).path("ports").get(0).path("port").asText())
                .isEqualTo("http");
    }

    @Test
    void collectorsRunOnceEachAndTheAggregatorRollsOver() {
        for (String collector : Repo.COLLECTORS) {
            assertThat(deployment(collector).path("spec").path("replicas").asInt()).isEqualTo(1);
            assertThat(deployment(collector).path("spec").path("strategy").path("type").asText()).isEqualTo("Recreate");
        }
        assertThat(deployment("aggregator").path("spec").path("strategy").path("type").asText()).isNotEqualTo("Recreate");
    }

    @Test
    void theAggregatorRunsTwoReplicasAndADisruptionBudgetKeepsOneUp() {
        assertThat(deployment("aggregator").path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode budget = BASE.find("PodDisruptionBudget", "aggregator")
                .orElseThrow(() -> new AssertionError("no PodDisruptionBudget aggregator"));
        assertThat(budget.path("spec").path("minAvailable").asInt()).isEqualTo(1);
        assertThat(budget.path("spec").path("selector").path("matchLabels").path("service").asText())
                .isEqualTo("aggregator");
    }

    @Test
    void theTopicsJobAndTheStrimziTopicsCreateTheContractTopicsAlike() {
        JsonNode job = Manifests.of(K8S.resolve("topics/job")).find("Job", "ecopulse-topics").orElseThrow();
        JsonNode container = job.path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(Topology.scriptTopics(container.path("args").get(0).asText()))
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        int partitions = Integer.parseInt(env(container, "TOPIC_PARTITIONS"));
        int replicas = Integer.parseInt(env(container, "TOPIC_REPLICATION_FACTOR"));

        List<JsonNode> strimzi = Manifests.of(K8S.resolve("topics/strimzi")).ofKind("KafkaTopic");
        assertThat(strimzi).extracting(t -> t.path("spec").path("topicName").asText())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(strimzi).allSatisfy(t -> {
            assertThat(t.path("spec").path("partitions").asInt()).isEqualTo(partitions);
            assertThat(t.path("spec").path("replicas").asInt()).isEqualTo(replicas);
        });

        JsonNode overlay = Yamls.read(K8S.resolve("overlays/example/kustomization.yaml"));
        assertThat(overlay.path("replicas").get(0).path("count").asInt()).as("aggregator replicas in the example")
                .isBetween(2, partitions);
    }

    @Test
    void everyServiceIsInTheBaseAndTheExampleOverlayMapsItsImage() {
        List<String> files = new ArrayList<>();
        Yamls.read(K8S.resolve("base/kustomization.yaml")).path("resources").forEach(r -> files.add(r.asText()));
        assertThat(files).containsAll(SERVICES.stream().map(s -> s + ".yaml").toList());
        List<String> images = new ArrayList<>();
        Yamls.read(K8S.resolve("overlays/example/kustomization.yaml")).path("images")
                .forEach(i -> images.add(i.path("name").asText()));
        assertThat(images).containsExactlyInAnyOrderElementsOf(SERVICES.stream().map(s -> "ecopulse/" + s).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "topics/job", "topics/strimzi", "monitoring", "overlays/example"})
    void kustomizeBuildsEveryDirectoryWhenInstalled(String dir) throws Exception {
        List<String> command = kustomize();
        Tools.requireInCi(command != null, "neither kustomize nor kubectl is installed");
        List<String> build = new ArrayList<>(command);
        build.add(K8S.resolve(dir).toString());
        Tools.Result result = Tools.run(build, Map.of());
        assertThat(result.exitCode()).as(result.output()).isZero();
        Set<String> kinds = new TreeSet<>();
        for (String line : result.output().split("\n")) {
            if (line.startsWith("kind: ")) {
                kinds.add(line.substring(6));
            }
        }
        assertThat(kinds).isNotEmpty();
    }

    private static String secretKey(String service, String variable) {
        return secretRef(service, variable).path("key").asText();
    }

    private static JsonNode secretRef(String service, String variable) {
        for (JsonNode env : container(service).path("env")) {
            if (env.path("name").asText().equals(variable)) {
                return env.path("valueFrom").path("secretKeyRef");
            }
        }
        throw new AssertionError(service + " does not get " + variable);
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                return env.path("value").asText();
            }
        }
        throw new AssertionError("no " + name);
    }

    private static List<String> kustomize() {
        if (Tools.onPath("kustomize").isPresent()) {
            return List.of("kustomize", "build");
        }
        return Tools.onPath("kubectl").isPresent() ? List.of("kubectl", "kustomize") : null;
    }
}
