package dev.ecopulse.ops.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.ops.Repo;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    @Test
    void theAggregatorReadsItsStoreAndBrokerButNotCollectorSettings() {
        ServiceConfig aggregator = ServiceConfig.of("aggregator");
        assertThat(aggregator.understands("KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(aggregator.understands("QUARKUS_MONGODB_CONNECTION_STRING")).isTrue();
        assertThat(aggregator.understands("ECOPULSE_CATALOG_PATH")).isTrue();
        assertThat(aggregator.understands("ECOPULSE_COLLECT_INTERVAL")).isFalse();
        assertThat(aggregator.understands("ECOPULSE_ADMIN_KEYS")).isFalse();
        // an @ConfigProperty of its code
        assertThat(aggregator.understands("ECOPULSE_SAMPLE_DATA")).isTrue();
    }

    @Test
    void aCollectorReadsCollectorCoreMappingsAndVariablesItsPropertiesName() {
        ServiceConfig github = ServiceConfig.of("github-collector");
        assertThat(github.properties()).contains("ecopulse.collect.publish-timeout", "ecopulse.admin.key",
                "ecopulse.github.api-url", "mp.messaging.outgoing.observations.topic");
        assertThat(github.understands("ECOPULSE_COLLECT_PUBLISH_TIMEOUT")).isTrue();
        assertThat(github.understands("GITHUB_TOKEN")).isTrue();
        assertThat(github.understands("ECOPULSE_DEPSDEV_URL")).isTrue();
        assertThat(github.understands("QUARKUS_MONGODB_CONNECTION_STRING")).isFalse();
    }

    @Test
    void eachUpstreamCredentialIsReadByItsCollectorAlone() {
        Repo.UPSTREAM_CREDENTIALS.forEach((variable, owner) -> {
            for (String service : Repo.SERVICES) {
                assertThat(ServiceConfig.of(service).understands(variable)).as(service + " reads " + variable)
                        .isEqualTo(service.equals(owner));
            }
        });
    }

    @Test
    void mappingMethodNamesBecomeKebabCase() {
        assertThat(ServiceConfig.kebab("publishTimeout")).isEqualTo("publish-timeout");
        assertThat(ServiceConfig.kebab("apiUrl")).isEqualTo("api-url");
        assertThat(ServiceConfig.kebab("interval")).isEqualTo("interval");
        assertThat(ServiceConfig.environmentForm("quarkus.rest-client.\"github\".url"))
                .isEqualTo("QUARKUS_REST_CLIENT__GITHUB__URL");
    }
}
