package dev.ecopulse.ops.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ecopulse.ops.Repo;
import dev.ecopulse.ops.Tools;
import dev.ecopulse.ops.Yamls;
import dev.ecopulse.ops.prometheus.CodeMetrics;
import dev.ecopulse.ops.prometheus.ExposureCheck;
import dev.ecopulse.ops.promql.PromQl;
import dev.ecopulse.ops.promql.Query;
import dev.ecopulse.ops.promql.Selector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/grafana: dashboards and their provisioning, checked without a Grafana or a Prometheus. */
class DashboardsTest {

    private static final Path GRAFANA = Repo.path("deploy/grafana");
    private static final List<Dashboards.Dashboard> DASHBOARDS = Dashboards.load(GRAFANA.resolve("dashboards"));

    private static String datasourceUid() {
        return Yamls.read(GRAFANA.resolve("provisioning/datasources/prometheus.yml")).path("datasources").get(0)
                .path("uid").asText();
    }

    private static Dashboards.Dashboard dashboard(String file) {
        return DASHBOARDS.stream().filter(d -> d.file().getFileName().toString().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no dashboard " + file));
    }

    @Test
    void theEcosystemsAndPipelineDashboardsAreProvisionedWithDistinctUids() {
        assertThat(DASHBOARDS).extracting(d -> d.file().getFileName().toString())
                .contains("ecosystems.json", "pipeline.json");
        assertThat(DASHBOARDS).extracting(Dashboards.Dashboard::uid).doesNotHaveDuplicates().allMatch(u -> !u.isBlank());
        JsonNode provider = Yamls.read(GRAFANA.resolve("provisioning/dashboards/ecopulse.yml")).path("providers").get(0);
        assertThat(provider.path("options").path("path").asText()).isEqualTo("/var/lib/grafana/dashboards/ecopulse");
    }

    @Test
    void everyPanelQueriesTheProvisionedPrometheus() {
        String uid = datasourceUid();
        for (Dashboards.Dashboard dashboard : DASHBOARDS) {
            for (JsonNode panel : dashboard.panels()) {
                if (panel.path("type").asText().equals("row")) {
                    continue;
                }
                String where = dashboard.title() + " / " + panel.path("title").asText();
                assertThat(panel.path("targets")).as(where + " has queries").isNotEmpty();
                assertThat(panel.path("datasource").path("uid").asText()).as(where).isEqualTo(uid);
                panel.path("targets").forEach(t -> assertThat(t.path("datasource").path("uid").asText()).as(where)
                        .isEqualTo(uid));
            }
        }
    }

    @Test
    void everyQueryReadsAndFiltersOnTheCommonLabels() {
        List<String> problems = new ArrayList<>();
        for (Query query : Dashboards.queries(GRAFANA.resolve("dashboards"))) {
            try {
                List<Selector> selectors = PromQl.selectors(query.expr());
                if (selectors.isEmpty()) {
                    problems.add(query.where() + ": reads no metric");
                }
                selectors.stream()
                        .filter(s -> !ExposureCheck.PROMETHEUS_SERIES.contains(s.metric()))
                        .filter(s -> !s.literal("application").equals(java.util.Optional.of("ecopulse")))
                        .forEach(s -> problems.add(query.where() + ": " + s.metric() + " without application=\"ecopulse\""));
            } catch (IllegalArgumentException e) {
                problems.add(query.where() + ": " + e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Prometheus' own parser on every dashboard query: each becomes a recording rule that promtool checks. */
    @Test
    void prometheusParsesEveryDashboardQuery(@TempDir Path dir) throws Exception {
        Path promtool = Tools.onPath("promtool").orElse(null);
        if (promtool == null) {
            fail("promtool is not installed: install Debian's prometheus package (.ci/run does so)");
        }
        List<Map<String, String>> rules = new ArrayList<>();
        List<Query> queries = Dashboards.queries(GRAFANA.resolve("dashboards"));
        for (int i = 0; i < queries.size(); i++) {
            rules.add(Map.of("record", "dashboard:query_" + i, "expr", withGrafanaIntervals(queries.get(i).expr())));
        }
        Path file = dir.resolve("dashboard-queries.yml");
        new ObjectMapper(new YAMLFactory()).writeValue(file.toFile(),
                Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules))));
        Tools.Result result = Tools.run(List.of(promtool.toString(), "check", "rules", file.toString()), Map.of());
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    /** Grafana's interval variables as the durations Grafana puts in their place. */
    static String withGrafanaIntervals(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$__interval", "30s").replace("$__range", "1h");
    }

    @Test
    void everyEcopulseMetricADashboardReadsIsRegisteredByTheCode() {
        Set<String> names = new LinkedHashSet<>();
        Dashboards.queries(GRAFANA.resolve("dashboards")).forEach(q -> names.addAll(PromQl.metricNames(q.expr())));
        assertThat(CodeMetrics.scan().unregistered(names)).as("ecopulse metrics in dashboards no code registers")
                .isEmpty();
    }

    @Test
    void frameworksCanBePickedAndShownSideBySide() {
        Dashboards.Dashboard ecosystems = dashboard("ecosystems.json");
        JsonNode framework = null;
        for (JsonNode variable : ecosystems.json().path("templating").path("list")) {
            if (variable.path("name").asText().equals("framework")) {
                framework = variable;
            }
        }
        assertThat(framework).as("variable framework").isNotNull();
        assertThat(framework.path("multi").asBoolean()).isTrue();
        assertThat(framework.path("includeAll").asBoolean()).isTrue();
        assertThat(ecosystems.panels()).anySatisfy(p -> assertThat(p.path("repeat").asText()).isEqualTo("framework"));
        // every panel on a per-framework gauge follows the selection
        assertThat(ecosystems.queries()).filteredOn(q -> q.where().contains("panel")
                        && q.expr().matches("(?s).*ecopulse_aggregator_(maturity|dimension_score|momentum).*"))
                .isNotEmpty()
                .allSatisfy(q -> assertThat(q.expr()).contains("framework=~\"$framework\""));
    }

    /** The aggregator's share measures of the framework-level and npm signals, one Ecosystems panel each. */
    static final List<String> NEW_SIGNAL_MEASURES = List.of("hubModels", "topModelsExclusive", "questions30d",
            "works365d", "npmDownloads30d");

    @Test
    void theEcosystemsDashboardHasAPanelPerNewSignalFollowingTheFrameworkSelection() {
        List<Query> queries = dashboard("ecosystems.json").queries();
        for (String measure : NEW_SIGNAL_MEASURES) {
            assertThat(queries).as("a panel on the share of " + measure).anySatisfy(q -> {
                assertThat(PromQl.selectors(q.expr())).anySatisfy(s -> {
                    assertThat(s.metric()).isEqualTo("ecopulse_aggregator_share");
                    assertThat(s.literal("measure")).contains(measure);
                });
                assertThat(q.expr()).contains("framework=~\"$framework\"");
            });
        }
    }

    @Test
    void thePipelineDashboardShowsThrottlingAndCostPerSourceForEveryCollector() {
        List<Query> queries = dashboard("pipeline.json").queries();
        // per source, and not narrowed to some sources: every collector shows up through the source variable
        assertThat(queries).filteredOn(q -> q.expr().contains("status=~\"429|403\"")).isNotEmpty()
                .allSatisfy(q -> assertThat(q.expr()).contains("by (source").contains("source=~\"$source\""));
        assertThat(queries).anySatisfy(q -> assertThat(q.expr()).contains("ecopulse_collector_cost_total")
                .contains("by (source)"));
        assertThat(queries).filteredOn(q -> q.expr().contains("ecopulse_collector_"))
                .allSatisfy(q -> assertThat(q.expr()).doesNotContainPattern("source=\"(github|pypi|maven)\""));
    }

    @Test
    void thePipelineDashboardCoversCollectorsAggregatorAndJvm() {
        Set<String> names = new LinkedHashSet<>();
        dashboard("pipeline.json").queries().forEach(q -> names.addAll(PromQl.metricNames(q.expr())));
        assertThat(names).contains("ecopulse_collector_runs_total", "ecopulse_collector_run_duration_seconds_sum",
                "ecopulse_collector_targets_total", "ecopulse_collector_upstream_requests_total",
                "ecopulse_collector_events_published_total", "ecopulse_github_rate_limit_remaining",
                "ecopulse_github_rate_limit_reset_timestamp_seconds", "ecopulse_aggregator_observations_stored_total",
                "ecopulse_aggregator_observations_duplicates_total", "kafka_consumer_fetch_manager_records_lag",
                "ecopulse_aggregator_scoring_seconds_sum", "http_server_requests_seconds_count",
                "jvm_memory_used_bytes");
    }
}
