package dev.ecopulse.contract.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    private static final Instant T = Instant.parse("2026-11-28T10:15:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void sameObservationInTheSameBucketGetsTheSameId() {
        assertThat(EventIds.observationId(ObservationSource.PYPI, "torch", "torch", T, HOUR))
                .isEqualTo(EventIds.observationId(ObservationSource.PYPI, "torch", "torch",
                        T.plusSeconds(40 * 60), HOUR));
    }

    @Test
    void nextBucketSourceProjectOrSubjectGiveAnotherId() {
        String id = EventIds.observationId(ObservationSource.PYPI, "torch", "torch", T, HOUR);

        assertThat(EventIds.observationId(ObservationSource.PYPI, "torch", "torch", T.plus(HOUR), HOUR)).isNotEqualTo(id);
        assertThat(EventIds.observationId(ObservationSource.GITHUB, "torch", "torch", T, HOUR)).isNotEqualTo(id);
        assertThat(EventIds.observationId(ObservationSource.PYPI, "vision", "torch", T, HOUR)).isNotEqualTo(id);
        assertThat(EventIds.observationId(ObservationSource.PYPI, "torch", "torchvision", T, HOUR)).isNotEqualTo(id);
    }

    @Test
    void bucketsStartOnMultiplesOfTheirSize() {
        assertThat(EventIds.bucketStart(T, HOUR)).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(EventIds.bucketStart(T, Duration.ofHours(6))).isEqualTo(Instant.parse("2026-11-28T06:00:00Z"));
    }

    @Test
    void sourcesNameTheirTopicTypeAndSource() {
        assertThat(ObservationSource.MAVEN.topic()).isEqualTo(Topics.METRICS_MAVEN);
        assertThat(ObservationSource.MAVEN.eventType()).isEqualTo("dev.ecopulse.maven.observation.v1");
        assertThat(ObservationSource.MAVEN.eventSource()).isEqualTo("/collectors/maven");
        assertThat(ObservationSource.fromEventType("dev.ecopulse.github.observation.v1"))
                .contains(ObservationSource.GITHUB);
    }

    @Test
    void aScoreChangeReadBackFromTheStoreToTheMillisecondKeepsItsId() {
        Instant computed = Instant.parse("2026-11-28T09:00:00.123456789Z");
        Instant stored = Instant.ofEpochMilli(computed.toEpochMilli());

        assertThat(EventIds.scoreChangeId(ScoreChanged.SubjectKind.FRAMEWORK, "pytorch", computed))
                .isEqualTo(EventIds.scoreChangeId(ScoreChanged.SubjectKind.FRAMEWORK, "pytorch", stored))
                .isNotEqualTo(EventIds.scoreChangeId(ScoreChanged.SubjectKind.FRAMEWORK, "pytorch",
                        stored.plusMillis(1)));
    }
}
