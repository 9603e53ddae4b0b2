package dev.ecopulse.ops.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.ops.promql.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExposureCheckTest {

    private static final Exposition COLLECTOR = Exposition.parse(ExpositionTest.TEXT);
    private static final Exposition AGGREGATOR = Exposition.parse("""
            ecopulse_framework_maturity{application="ecopulse",framework="jax",service="aggregator"} 71.5
            """);
    private static final List<Exposition> BOTH = List.of(COLLECTOR, AGGREGATOR);

    private static List<String> problems(String expr) {
        return ExposureCheck.problems(List.of(new Query("panel 'p'", expr)), BOTH);
    }

    @Test
    void exposedMetricsAndPrometheusOwnSeriesPass() {
        assertThat(problems("sum by (state) (rate(ecopulse_collector_runs_total{application=\"ecopulse\"}[5m]))"
                + " + up{job=\"ecopulse\"} + ecopulse_framework_maturity{framework=~\"$framework\"}")).isEmpty();
    }

    @Test
    void aRenamedMetricIsReportedWithWhereItIsUsedAndANearName() {
        assertThat(problems("rate(ecopulse_collector_runs_count[5m])")).singleElement().asString()
                .contains("panel 'p': metric ecopulse_collector_runs_count is not exposed by any service")
                .contains("ecopulse_collector_runs_total");
    }

    @Test
    void aBaseNameOfASummaryIsNotASeries() {
        assertThat(problems("ecopulse_collector_run_duration_seconds")).hasSize(1);
        assertThat(problems("ecopulse_collector_run_duration_seconds_sum / ecopulse_collector_run_duration_seconds_count"))
                .isEmpty();
    }

    @Test
    void aMetricMustBeExposedByTheServiceTheQueryNames() {
        assertThat(problems("ecopulse_framework_maturity{service=\"pypi-collector\"}")).singleElement().asString()
                .contains("not exposed by service 'pypi-collector'");
        assertThat(problems("ecopulse_framework_maturity{service=\"aggregator\"}")).isEmpty();
    }

    @Test
    void aLabelTheMetricDoesNotCarryIsReported() {
        assertThat(problems("ecopulse_collector_runs_total{outcome=\"failed\"}")).singleElement().asString()
                .contains("has no label 'outcome'");
    }

    @Test
    void anUnreadableQueryIsAProblemNotASkip() {
        assertThat(problems("sum(")).singleElement().asString().contains("unclosed '('");
    }
}
