package dev.ecopulse.ops.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.ops.Repo;
import dev.ecopulse.ops.Tools;
import dev.ecopulse.ops.Topology;
import dev.ecopulse.ops.Yamls;
import dev.ecopulse.ops.config.ServiceConfig;
import dev.ecopulse.ops.config.ServicePorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** deploy/compose/docker-compose.yml against the services' code and config, and the event contract's topics. */
class ComposeTest {

    static final List<String> SERVICES = Repo.SERVICES;
    private static final Path FILE = Repo.path("deploy/compose/docker-compose.yml");
    private static final JsonNode COMPOSE = Yamls.read(FILE);

    private static JsonNode service(String name) {
        JsonNode service = COMPOSE.path("services").path(name);
        assertThat(service.isObject()).as("service '%s' in %s", name, FILE).isTrue();
        return service;
    }

    private static List<String> list(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyVariableAServiceGetsIsConfigurationItReads(String name) {
        ServiceConfig config = ServiceConfig.of(name);
        List<String> unknown = new ArrayList<>();
        service(name).path("environment").fieldNames().forEachRemaining(variable -> {
            if (!config.understands(variable)) {
                unknown.add(variable);
            }
        });
        assertThat(unknown).as("variables of '%s' that map to no property of its code or config (rule: ServiceConfig)",
                name).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyServiceIsBuiltFromItsJarAndListensOnItsOwnPortWithReadinessChecked(String name) {
        JsonNode service = service(name);
        int port = ServicePorts.of(name);
        assertThat(service.path("image").asText()).endsWith("/" + name + ":${ECOPULSE_VERSION:-0.1.0-SNAPSHOT}");
        assertThat(service.path("build").path("args").path("SERVICE").asText()).isEqualTo(name);
        assertThat(FILE.getParent().resolve(service.path("build").path("context").asText())
                .resolve(service.path("build").path("dockerfile").asText())).isRegularFile();
        assertThat(list(service.path("ports"))).isEqualTo(name.equals("aggregator") ? List.of(port + ":" + port)
                : List.of());
        assertThat(list(service.path("healthcheck").path("test")))
                .contains("http://localhost:" + port + "/q/health/ready");
        assertThat(service.path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText())
                .isEqualTo("${KAFKA_BOOTSTRAP_SERVERS:-" + internalKafkaListener() + "}");
    }

    @Test
    void theCollectorsGetTheAdminKeyAndEachItsOptionalUpstreamCredentialFromTheEnvFile() throws Exception {
        for (String collector : Repo.COLLECTORS) {
            assertThat(service(collector).path("environment").path("ECOPULSE_ADMIN_KEY").asText())
                    .startsWith("${ECOPULSE_ADMIN_KEY:?");
        }
        String example = java.nio.file.Files.readString(FILE.resolveSibling(".env.example"));
        Repo.UPSTREAM_CREDENTIALS.forEach((variable, collector) -> {
            assertThat(service(collector).path("environment").path(variable).asText()).as(variable + " of " + collector)
                    .isEqualTo("${" + variable + ":-}");
            assertThat(example).as(".env.example offers " + variable).containsPattern("(?m)^" + variable + "=$");
        });
        // no other service gets a credential it does not need
        COMPOSE.path("services").fields().forEachRemaining(e -> Repo.UPSTREAM_CREDENTIALS.forEach(
                (variable, collector) -> assertThat(e.getKey().equals(collector) || !e.getValue().path("environment")
                        .has(variable)).as(e.getKey() + " gets " + variable).isTrue()));
    }

    @Test
    void kafkaIsTheOfficialImageInKraftModeWithTheContractTopics() {
        JsonNode kafka = service("kafka");
        assertThat(kafka.path("image").asText()).startsWith("apache/kafka:");
        assertThat(kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText()).contains("controller");
        assertThat(kafka.has("ports")).as("Kafka (PLAINTEXT) published").isFalse();
        assertThat(kafka.path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText())
                .isEqualTo("INTERNAL://" + internalKafkaListener());
        JsonNode topics = service("kafka-topics");
        assertThat(Topology.scriptTopics(list(topics.path("command")).get(0)))
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(topics.path("environment").path("TOPIC_PARTITIONS").asInt()).isPositive();
    }

    @Test
    void mongodbIsAReplicaSetOfOneWithAuthenticationAndTheAggregatorConnectsToItAsSuch() {
        JsonNode mongo = service("mongodb");
        assertThat(mongo.path("image").asText()).startsWith("mongo:");
        Matcher startup = Pattern.compile("mongod --replSet (\\w+) .*--keyFile ").matcher(String.join(" ",
                list(mongo.path("command"))));
        assertThat(startup.find()).as("mongod started as a replica set with a key file").isTrue();
        String replicaSet = startup.group(1);
        assertThat(String.join(" ", list(mongo.path("healthcheck").path("test")))).contains("rs.initiate({_id: '"
                + replicaSet + "'").contains("-p \"$$MONGO_INITDB_ROOT_PASSWORD\"");
        assertThat(mongo.has("ports")).as("MongoDB published").isFalse();
        assertThat(mongo.path("environment").path("MONGO_INITDB_ROOT_USERNAME").asText())
                .isEqualTo("${MONGODB_ROOT_USERNAME:-ecopulse}");
        assertThat(mongo.path("environment").path("MONGO_INITDB_ROOT_PASSWORD").asText())
                .startsWith("${MONGODB_ROOT_PASSWORD:?");
        assertThat(service("aggregator").path("environment").path("QUARKUS_MONGODB_CONNECTION_STRING").asText())
                .startsWith("mongodb://${MONGODB_ROOT_USERNAME:-ecopulse}:${MONGODB_ROOT_PASSWORD:?")
                .contains("@mongodb:27017/?authSource=admin&").contains("replicaSet=" + replicaSet)
                .contains("w=majority");
        assertThat(service("aggregator").path("depends_on").path("mongodb").path("condition").asText())
                .isEqualTo("service_healthy");
    }

    @Test
    void onlyTheApiAndGrafanaArePublishedAndGrafanaHasNoDefaultPassword() {
        Map<String, List<String>> published = new java.util.TreeMap<>();
        COMPOSE.path("services").fields().forEachRemaining(e -> {
            if (e.getValue().has("ports")) {
                published.put(e.getKey(), list(e.getValue().path("ports")));
            }
        });
        assertThat(published).isEqualTo(Map.of("aggregator", List.of("8080:8080"), "grafana", List.of("3000:3000")));
        assertThat(service("grafana").path("environment").path("GF_SECURITY_ADMIN_PASSWORD").asText())
                .startsWith("${GRAFANA_ADMIN_PASSWORD:?");
    }

    @Test
    void theOpenPortsOverrideBindsEverythingItOpensToThisHostOnly() {
        JsonNode open = Yamls.read(FILE.resolveSibling("open-ports.yml"));
        List<String> ports = new ArrayList<>();
        open.path("services").forEach(service -> ports.addAll(list(service.path("ports"))));
        assertThat(ports).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("127.0.0.1:"));
    }

    @Test
    void prometheusAndGrafanaGetTheProvisioningOfThisRepository() {
        assertThat(list(service("prometheus").path("volumes"))).contains("../prometheus:/etc/prometheus:ro");
        assertThat(list(service("grafana").path("volumes"))).contains(
                "../grafana/provisioning:/etc/grafana/provisioning:ro",
                "../grafana/dashboards:/var/lib/grafana/dashboards/ecopulse:ro");
        assertThat(Repo.path("deploy/grafana/provisioning/datasources")).isDirectory();
        assertThat(Repo.path("deploy/grafana/provisioning/dashboards")).isDirectory();
    }

    @Test
    void dockerComposeAcceptsTheFileAndPublishesOnlyTheApiAndGrafana() throws Exception {
        List<String> command = composeCommand();
        Tools.requireInCi(command != null, "neither 'docker compose' nor 'docker-compose' is installed");
        Map<String, String> secrets = Map.of("ECOPULSE_ADMIN_KEY", "compose-config-check-key-0123456789",
                "MONGODB_ROOT_PASSWORD", "compose-config-check", "GRAFANA_ADMIN_PASSWORD", "compose-config-check");
        List<String> config = new ArrayList<>(command);
        config.addAll(List.of("-f", FILE.toString(), "config"));
        Tools.Result result = Tools.run(config, secrets);
        assertThat(result.exitCode()).as(result.output()).isZero();
        // what compose would really publish, after interpolation and merging: service -> published ports
        JsonNode resolved = Yamls.parse(Tools.stdout(config, secrets).output());
        Map<String, List<String>> published = new java.util.TreeMap<>();
        resolved.path("services").fields().forEachRemaining(e -> e.getValue().path("ports").forEach(p ->
                published.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(p.path("published").asText())));
        assertThat(published).isEqualTo(Map.of("aggregator", List.of("8080"), "grafana", List.of("3000")));

        Tools.Result missing = Tools.run(config, Map.of("ECOPULSE_ADMIN_KEY", "compose-config-check-key-0123456789"));
        assertThat(missing.exitCode()).as("without the MongoDB and Grafana passwords: " + missing.output())
                .isNotZero();

        List<String> opened = new ArrayList<>(command);
        opened.addAll(List.of("-f", FILE.toString(), "-f", FILE.resolveSibling("open-ports.yml").toString(),
                "config", "-q"));
        Tools.Result withOpenPorts = Tools.run(opened, secrets);
        assertThat(withOpenPorts.exitCode()).as(withOpenPorts.output()).isZero();
    }

    /** The listener the broker advertises to the other containers. */
    private static String internalKafkaListener() {
        String advertised = service("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText();
        Matcher m = Pattern.compile("INTERNAL://([^,]+)").matcher(advertised);
        assertThat(m.find()).as("an INTERNAL listener in " + advertised).isTrue();
        return m.group(1);
    }

    /** Compose v2 ({@code docker compose}) when the plugin answers, else v1 ({@code docker-compose}), else none. */
    private static List<String> composeCommand() throws Exception {
        if (Tools.onPath("docker").isPresent()
                && Tools.run(List.of("docker", "compose", "version"), Map.of()).exitCode() == 0) {
            return List.of("docker", "compose");
        }
        return Tools.onPath("docker-compose").isPresent() ? List.of("docker-compose") : null;
    }
}
