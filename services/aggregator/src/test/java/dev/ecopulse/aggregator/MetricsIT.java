package dev.ecopulse.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scores, counts, times and consumer lag are exported for Prometheus, with the common labels. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class MetricsIT {

    @Test
    void exportsScoresCountsTimesAndLag() {
        Instant at = Instant.parse("2026-11-28T04:00:00Z");
        ObservationSender.send(List.of(TestObservations.github("dm-haiku", "google-deepmind/dm-haiku", at).build(),
                TestObservations.pypi("dm-haiku", "dm-haiku", at).build()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Metrics.text())
                .containsPattern("ecopulse_aggregator_maturity\\{[^}]*framework=\"jax\"[^}]*} \\d")
                .containsPattern("ecopulse_aggregator_coverage\\{[^}]*framework=\"jax\"[^}]*} [01]\\.\\d")
                .containsPattern("ecopulse_aggregator_dimension_score\\{[^}]*dimension=\"adoption\"[^}]*"
                        + "framework=\"jax\"[^}]*} \\d")
                .containsPattern("ecopulse_aggregator_momentum\\{[^}]*framework=\"jax\"[^}]*window=\"30d\"")
                .containsPattern("ecopulse_aggregator_momentum_share\\{[^}]*framework=\"jax\"[^}]*window=\"90d\"")
                .contains("ecopulse_aggregator_observations_stored_total{application=\"ecopulse\","
                        + "service=\"aggregator\",source=\"github\"}")
                .contains("ecopulse_aggregator_ingest_seconds_count")
                .contains("ecopulse_aggregator_scoring_seconds_count")
                .contains("kafka_consumer_fetch_manager_records_lag_max"));
    }
}
