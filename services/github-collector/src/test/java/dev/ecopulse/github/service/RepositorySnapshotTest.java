package dev.ecopulse.github.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.MissingSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepositorySnapshotTest {

    static final Instant T = Instant.parse("2026-11-28T10:00:00Z");
    static final Duration TOLERANCE = Duration.ofMinutes(1);

    @Test
    void signalsObservedLaterThanTheToleranceCarryTheirOwnTime() {
        RepositorySnapshot snapshot = new RepositorySnapshot(new CollectionTarget("torch", "pytorch/pytorch"), "rest");
        snapshot.found(T);
        snapshot.put(Signal.STARS, 5L, T);
        snapshot.put(Signal.FORKS, 6L, T.plusSeconds(59));
        snapshot.put(Signal.CONTRIBUTORS, 7L, T.plusSeconds(1801));

        GithubObservation o = snapshot.toObservation("run-1", TOLERANCE);

        assertThat(o.observedAt()).isEqualTo(T);
        assertThat(o.signalObservedAt()).containsExactly(Map.entry("contributors", T.plusSeconds(1801)));
    }

    @Test
    void aSignalNeitherCollectedNorKnownMissingIsReportedMissingNotSilentlyAbsent() {
        RepositorySnapshot snapshot = new RepositorySnapshot(new CollectionTarget("torch", "pytorch/pytorch"), "rest");
        snapshot.found(T);
        snapshot.put(Signal.STARS, 5L, T);
        snapshot.none(Signal.PRIMARY_LANGUAGE, T);
        snapshot.miss(Signal.CONTRIBUTORS, "GitHub answered 504 (retried with backoff)");
        snapshot.miss(Signal.CONTRIBUTORS, "a later reason");

        GithubObservation o = snapshot.toObservation("run-1", TOLERANCE);

        assertThat(o.primaryLanguage()).isNull();
        assertThat(o.missing()).extracting(MissingSignal::signal).doesNotContain("stars", "primaryLanguage")
                .contains("forks", "topics").hasSize(Signal.values().length - 2);
        assertThat(o.missing()).contains(new MissingSignal("contributors", "GitHub answered 504 (retried with backoff)"),
                new MissingSignal("forks", "not collected in this run"));
    }

    @Test
    void aValueCollectedAfterAFailureReplacesTheMissingEntry() {
        RepositorySnapshot snapshot = new RepositorySnapshot(new CollectionTarget("torch", "pytorch/pytorch"), "rest");
        snapshot.miss(Signal.ISSUES_CLOSED_LAST_90_DAYS, "searched under the old name");
        snapshot.put(Signal.ISSUES_CLOSED_LAST_90_DAYS, 3L, T);
        snapshot.miss(Signal.ISSUES_CLOSED_LAST_90_DAYS, "ignored: the value stays");

        assertThat(snapshot.missing()).isEmpty();
        assertThat(snapshot.value(Signal.ISSUES_CLOSED_LAST_90_DAYS)).isEqualTo(3L);
        assertThat(snapshot.known()).isFalse();
    }
}
