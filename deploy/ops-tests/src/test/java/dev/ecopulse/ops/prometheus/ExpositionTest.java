package dev.ecopulse.ops.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpositionTest {

    static final String TEXT = """
            # HELP ecopulse_collector_runs_total Runs
            # TYPE ecopulse_collector_runs_total counter
            ecopulse_collector_runs_total{application="ecopulse",service="pypi-collector",source="pypi",state="succeeded"} 1.0
            # TYPE ecopulse_collector_run_duration_seconds summary
            ecopulse_collector_run_duration_seconds_count{application="ecopulse",service="pypi-collector",source="pypi",state="succeeded"} 1
            ecopulse_collector_run_duration_seconds_sum{application="ecopulse",service="pypi-collector",source="pypi",state="succeeded"} 0.25
            http_server_requests_seconds_bucket{application="ecopulse",le="0.1",service="pypi-collector",uri="/a\\"b,c}"} 3
            process_uptime_seconds{application="ecopulse",service="pypi-collector"} 12.5 1700000000000
            """;

    @Test
    void samplesAreKeptByTheirExposedNamesWithTheirLabels() {
        Exposition exposition = Exposition.parse(TEXT);
        assertThat(exposition.service()).isEqualTo("pypi-collector");
        assertThat(exposition.labelsByName()).containsOnlyKeys("ecopulse_collector_runs_total",
                "ecopulse_collector_run_duration_seconds_count", "ecopulse_collector_run_duration_seconds_sum",
                "http_server_requests_seconds_bucket", "process_uptime_seconds");
        assertThat(exposition.has("ecopulse_collector_run_duration_seconds")).isFalse();
        assertThat(exposition.labels("http_server_requests_seconds_bucket"))
                .containsExactlyInAnyOrder("application", "le", "service", "uri");
    }

    @Test
    void samplesOfMoreThanOneServiceAreRefused() {
        assertThatThrownBy(() -> Exposition.parse("a{service=\"x\"} 1\nb{service=\"y\"} 1\n"))
                .hasMessageContaining("[x, y]");
    }
}
