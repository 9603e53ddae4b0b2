package dev.ecopulse.ops.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeMetricsTest {

    private static final CodeMetrics CODE = CodeMetrics.scan();

    @Test
    void theRunMetricsOfCollectorCoreAreFoundWithTheirPrometheusSuffixes() {
        assertThat(CODE.baseNames()).contains("ecopulse_collector_runs", "ecopulse_collector_run_duration",
                "ecopulse_collector_last_success_timestamp");
        assertThat(CODE.registers("ecopulse_collector_runs_total")).isTrue();
        assertThat(CODE.registers("ecopulse_collector_run_duration_seconds_count")).isTrue();
        assertThat(CODE.registers("ecopulse_collector_last_success_timestamp_seconds")).isTrue();
        assertThat(CODE.registers("ecopulse_collector_running")).isTrue();
    }

    @Test
    void aNameTheCodeDoesNotRegisterIsNotMatchedByPrefixAlone() {
        assertThat(CODE.registers("ecopulse_collector_runs_failed_total")).isFalse();
        assertThat(CODE.registers("ecopulse_collector_run")).isFalse();
        assertThat(CODE.unregistered(java.util.Set.of("ecopulse_nothing_total", "jvm_memory_used_bytes")))
                .containsExactly("ecopulse_nothing_total");
    }
}
