package dev.ecopulse.ops.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void aBareMetricIsOneSelector() {
        assertThat(PromQl.selectors("up")).containsExactly(new Selector("up", List.of()));
    }

    @Test
    void matchersAreReadWithTheirOperatorsAndGrafanaVariables() {
        List<Selector> selectors = PromQl.selectors(
                "ecopulse_collector_runs_total{application=\"ecopulse\", state!=\"failed\", source=~\"$source\",}");
        assertThat(selectors).hasSize(1);
        assertThat(selectors.get(0).matchers()).containsExactly(
                new Selector.Matcher("application", "=", "ecopulse"),
                new Selector.Matcher("state", "!=", "failed"),
                new Selector.Matcher("source", "=~", "$source"));
        assertThat(selectors.get(0).literal("application")).contains("ecopulse");
        assertThat(selectors.get(0).literal("source")).isEmpty();
    }

    @Test
    void functionsAggregationsLabelListsRangesAndStringsAreNotMetrics() {
        String expr = """
                histogram_quantile(0.95, sum by (le, service) (rate(http_server_requests_seconds_bucket{uri!~"/q/.*"}[$__rate_interval])))
                / on (service) group_left (source) max without (instance) (ecopulse_collector_running offset 1h)
                > bool 0.5 and label_replace(vector(1), "dst", "$1", "src", "(.*)") or time() - process_start_time_seconds @ end()
                """;
        assertThat(PromQl.metricNames(expr)).containsExactly("http_server_requests_seconds_bucket",
                "ecopulse_collector_running", "process_start_time_seconds");
    }

    @Test
    void aggregationWithTheClauseBeforeItsArgumentIsRead() {
        assertThat(PromQl.metricNames("sum by (framework) (ecopulse_framework_maturity) * 2"))
                .containsExactly("ecopulse_framework_maturity");
    }

    @Test
    void subqueriesAndRecordingRuleNamesAreRead() {
        assertThat(PromQl.metricNames("deriv(job:lag:sum[15m:1m]) > 0 # a comment naming not_a_metric"))
                .containsExactly("job:lag:sum");
    }

    @Test
    void aSelectorWithoutAMetricNameIsAnError() {
        assertThatThrownBy(() -> PromQl.selectors("sum({service=\"aggregator\"})"))
                .hasMessageContaining("without a metric name");
        assertThatThrownBy(() -> PromQl.selectors("{__name__=~\"ecopulse_.*\"}"))
                .hasMessageContaining("without a metric name");
    }

    @Test
    void anUnknownFunctionIsAnErrorNotAMetric() {
        assertThatThrownBy(() -> PromQl.selectors("rates(ecopulse_collector_runs_total[5m])"))
                .hasMessageContaining("unknown function 'rates'");
    }

    @Test
    void unbalancedBracketsAreErrors() {
        assertThatThrownBy(() -> PromQl.selectors("sum(rate(x[5m])")).hasMessageContaining("unclosed '('");
        assertThatThrownBy(() -> PromQl.selectors("rate(x[5m)")).hasMessageContaining("unclosed '['");
        assertThatThrownBy(() -> PromQl.selectors("x{a=\"b\"")).hasMessageContaining("unexpected end");
    }
}
