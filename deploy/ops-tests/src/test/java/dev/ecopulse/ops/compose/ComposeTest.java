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
import org.junit.jupiter.api.Assumptions;
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
        assertThat(list(service.path("ports"))).containsExactly(port + ":" + port);
        assertThat(list(service.path("healthcheck").path("test")))
                .contains("http://localhost:" + port + "/q/health/ready");
        assertThat(service.path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText())
                .isEqualTo("${KAFKA_BOOTSTRAP_SERVERS:-" + internalKafkaListener() + "}");
    }

    @Test
    void theCollectorsGetTheAdminKeyAndTheGithubCollectorItsToken() {
        for (String collector : List.of("github-collector", "pypi-collector", "maven-collector")) {
            assertThat(service(collector).path("environment").path("ECOPULSE_ADMIN_KEY").asText())
                    .startsWith("${ECOPULSE_ADMIN_KEY:?");
        }
        assertThat(service("github-collector").path("environment").path("GITHUB_TOKEN").asText())
                .isEqualTo("${GITHUB_TOKEN:-}");
    }

    @Test
    void kafkaIsTheOfficialImageInKraftModeWithTheContractTopics() {
        JsonNode kafka = service("kafka");
        assertThat(kafka.path("image").asText()).startsWith("apache/kafka:");
        assertThat(kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText()).contains("controller");
        assertThat(list(kafka.path("ports"))).contains("9092:9092");
        JsonNode topics = service("kafka-topics");
        assertThat(Topology.scriptTopics(list(topics.path("command")).get(0)))
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(topics.path("environment").path("TOPIC_PARTITIONS").asInt()).isPositive();
    }

    @Test
    void mongodbIsAReplicaSetOfOneAndTheAggregatorConnectsToItAsSuch() {
        JsonNode mongo = service("mongodb");
        assertThat(mongo.path("image").asText()).startsWith("mongo:");
        List<String> command = list(mongo.path("command"));
        String replicaSet = command.get(command.indexOf("--replSet") + 1);
        assertThat(String.join(" ", list(mongo.path("healthcheck").path("test")))).contains("rs.initiate({_id: '"
                + replicaSet + "'");
        assertThat(list(mongo.path("ports"))).contains("27017:27017");
        assertThat(service("aggregator").path("environment").path("QUARKUS_MONGODB_CONNECTION_STRING").asText())
                .startsWith("${QUARKUS_MONGODB_CONNECTION_STRING:-mongodb://mongodb:27017/").contains("replicaSet=" + replicaSet).contains("w=majority");
        assertThat(service("aggregator").path("depends_on").path("mongodb").path("condition").asText())
                .isEqualTo("service_healthy");
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
    void dockerComposeAcceptsTheFileWhenItIsInstalled() throws Exception {
        List<String> command = composeCommand();
        Assumptions.assumeTrue(command != null, "neither 'docker compose' nor 'docker-compose' is installed");
        List<String> config = new ArrayList<>(command);
        config.addAll(List.of("-f", FILE.toString(), "config", "-q"));
        Tools.Result result = Tools.run(config, Map.of("ECOPULSE_ADMIN_KEY", "compose-config-check"));
        assertThat(result.exitCode()).as(result.output()).isZero();
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
