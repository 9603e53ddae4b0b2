package dev.ecopulse.pypi.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.contract.event.MissingSignal;
import org.junit.jupiter.api.Test;

class MissingSignalsTest {

    @Test
    void namesSignalsByTheirPath() {
        MissingSignals missing = new MissingSignals();

        assertThat(missing.take("pypistats.lastDay", Fetched.<Long>missing("pypistats gave no usable last_day")))
                .isNull();
        assertThat(missing.take("pypistats.lastWeek", Fetched.of(7L))).isEqualTo(7L);

        assertThat(missing.list()).containsExactly(
                new MissingSignal("pypistats.lastDay", "pypistats gave no usable last_day"));
        assertThat(missing.lacksAll("pypistats")).isFalse();
    }

    @Test
    void namesAWholeGroupOnceWithItsDistinctReasons() {
        MissingSignals missing = new MissingSignals();
        MissingSignals.PYPISTATS.subList(0, 3).forEach(f -> missing.add("pypistats." + f, "pypistats answered HTTP 503"));
        MissingSignals.PYPISTATS.subList(3, 7).forEach(f -> missing.add("pypistats." + f, "not asked: throttled"));
        missing.add("depsdev", "deps.dev answered HTTP 503");

        assertThat(missing.lacksAll("pypistats")).isTrue();
        assertThat(missing.list()).containsExactly(
                new MissingSignal("pypistats", "pypistats answered HTTP 503; not asked: throttled"),
                new MissingSignal("depsdev", "deps.dev answered HTTP 503"));
    }
}
