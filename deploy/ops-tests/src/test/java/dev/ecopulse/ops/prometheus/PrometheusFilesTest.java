package dev.ecopulse.ops.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.ops.Repo;
import dev.ecopulse.ops.Tools;
import dev.ecopulse.ops.Yamls;
import dev.ecopulse.ops.config.ServicePorts;
import dev.ecopulse.ops.promql.PromQl;
import dev.ecopulse.ops.promql.Query;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** deploy/prometheus: promtool's own checks and unit tests, the alert set and its runbook, the scrape targets. */
class PrometheusFilesTest {

    private static final Path DIR = Repo.path("deploy/prometheus");
    private static final Path ALERTS = DIR.resolve("alerts.yml");

    /**
     * The alerts operations asks for, by the condition they watch. A framework's coverage is not among them yet: the
     * aggregator exposes no coverage gauge (docs/operations.md, "Coverage").
     */
    static final Set<String> REQUIRED_ALERTS = Set.of("EcopulseCollectorStale", "EcopulseGithubRateLimitLow",
            "EcopulseDeadLettersGrowing", "EcopulseConsumerLagGrowing");

    private static Tools.Result promtool(String... args) throws Exception {
        Path promtool = Tools.onPath("promtool").orElse(null);
        if (promtool == null) {
            fail("promtool is not installed: the rule and config checks cannot run. Install Debian's prometheus "
                    + "package (apt-get install -y --no-install-recommends prometheus); .ci/run does so.");
        }
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        return Tools.run(command, Map.of());
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Tools.Result result = promtool("check", "rules", ALERTS.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void promtoolAcceptsTheConfig() throws Exception {
        Tools.Result result = promtool("check", "config", DIR.resolve("prometheus.yml").toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void theAlertsPassTheirUnitTests() throws Exception {
        Tools.Result result = promtool("test", "rules", DIR.resolve("alerts.test.yml").toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void everyAlertIsUnitTestedAndExplainedInTheRunbook() throws Exception {
        String operations = Files.readString(Repo.path("docs/operations.md"));
        Set<String> tested = new LinkedHashSet<>();
        for (JsonNode test : Yamls.read(DIR.resolve("alerts.test.yml")).path("tests")) {
            test.path("alert_rule_test").forEach(t -> tested.add(t.path("alertname").asText()));
        }
        Set<String> alerts = new LinkedHashSet<>();
        for (JsonNode group : RuleFiles.read(ALERTS).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                alerts.add(name);
                assertThat(rule.path("labels").path("severity").asText()).as(name + " severity")
                        .isIn("critical", "warning", "info");
                assertThat(rule.path("annotations").path("summary").asText()).as(name + " summary").isNotBlank();
                assertThat(rule.path("annotations").path("runbook_url").asText()).as(name + " runbook")
                        .isEqualTo("docs/operations.md#" + name.toLowerCase());
                assertThat(operations).as("docs/operations.md has a section for " + name)
                        .containsPattern("(?m)^#+ " + name + "\\s*$");
            }
        }
        assertThat(alerts).containsAll(REQUIRED_ALERTS);
        assertThat(tested).as("alerts with a promtool unit test").containsAll(alerts);
    }

    @Test
    void everyAlertReadsMetricsTheServicesRegister() {
        Set<String> names = new LinkedHashSet<>();
        for (Query query : RuleFiles.queries(ALERTS)) {
            names.addAll(PromQl.metricNames(query.expr()));
        }
        assertThat(CodeMetrics.scan().unregistered(names)).as("ecopulse metrics in alerts.yml no code registers")
                .isEmpty();
    }

    @Test
    void prometheusScrapesEveryServiceAtQuarkusMetricsOnItsPort() {
        JsonNode job = Yamls.read(DIR.resolve("prometheus.yml")).path("scrape_configs").get(0);
        assertThat(job.path("job_name").asText()).isEqualTo("ecopulse");
        assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
        List<String> targets = new ArrayList<>();
        job.path("static_configs").get(0).path("targets").forEach(t -> targets.add(t.asText()));
        assertThat(targets).containsExactlyInAnyOrderElementsOf(
                Repo.SERVICES.stream().map(s -> s + ":" + ServicePorts.of(s)).toList());
    }
}
