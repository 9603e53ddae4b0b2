package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.aggregator.scoring.MethodologyLoader;
import dev.ecopulse.aggregator.scoring.ScoringReach;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ten months of weekly observations of Keras go through the real broker and store, more than memory holds: the days
 * before memory's window are scored from the store, memory holds only the days scoring reads, and a late observation
 * of a day long dropped from memory still rewrites that day's history and no earlier one.
 */
@QuarkusTest
@TestProfile(HistoryBeyondMemoryIT.LongHistory.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class HistoryBeyondMemoryIT {

    /** An app and store of its own, holding a week beyond the scoring reach. */
    public static class LongHistory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ecopulse.scores.late-days-in-memory", String.valueOf(LATE_DAYS));
        }
    }

    static final int LATE_DAYS = 7;
    static final int WEEKS = 44;
    static final Instant LAST = EcosystemData.LAST_RUN;
    static final Instant FIRST = LAST.minus(Duration.ofDays(7L * (WEEKS - 1)));
    static final Duration WAIT = Duration.ofSeconds(240);

    final List<Project> keras = CatalogLoader.loadDefault().projects().stream()
            .filter(p -> p.frameworks().contains("keras") && p.githubRepository().isPresent() && !p.pypi().isEmpty())
            .toList();

    @Test
    void daysBeyondMemoryAreScoredFromTheStoreAndALateObservationRewritesOnlyItsDays() {
        List<Observation> weekly = new ArrayList<>();
        for (int w = 0; w < WEEKS; w++) {
            weekly.addAll(run(FIRST.plus(Duration.ofDays(7L * w)), 1 + w / 100.0, false));
        }
        ObservationSender.send(weekly);

        LocalDate firstDay = day(FIRST);
        LocalDate lastDay = day(LAST);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(maturity(firstDay)).isNotNull();
            assertThat(maturity(lastDay)).isNotNull();
        });
        int window = ScoringReach.days(MethodologyLoader.loadDefault()) + LATE_DAYS;
        LocalDate heldFrom = lastDay.minusDays(window);
        assertThat(firstDay).isBefore(heldFrom.minusDays(30));
        // memory holds the weekly points of the window, not the 44 weeks stored
        int subjects = 2 * keras.size();
        await().atMost(WAIT).untilAsserted(() -> assertThat(Metrics.sum("ecopulse_aggregator_history_points"))
                .isEqualTo(subjects * (double) (window / 7 + 1)));
        assertThat(Metrics.sum("ecopulse_aggregator_observations_stored_total")).isEqualTo(weekly.size());

        // a week long dropped from memory turns out to have been a collapse: archived, nothing committed
        LocalDate lateDay = firstDay.plusDays(14);
        Double before = maturity(lateDay);
        Double weekBefore = maturity(lateDay.minusDays(7));
        ObservationSender.send(run(FIRST.plus(Duration.ofDays(14)).plus(Duration.ofHours(3)), 1, true));
        await().atMost(WAIT).untilAsserted(() -> assertThat(maturity(lateDay)).isLessThan(before - 1));
        assertThat(maturity(lateDay.minusDays(7))).isEqualTo(weekBefore);
        assertThat(Metrics.sum("ecopulse_aggregator_history_points")).isEqualTo(subjects * (double) (window / 7 + 1));
    }

    /** One collection run of Keras's projects; a collapsed one has every repository archived and idle. */
    private List<Observation> run(Instant at, double growth, boolean collapsed) {
        List<Observation> run = new ArrayList<>();
        for (Project p : keras) {
            var g = TestObservations.github(p.id(), p.githubRepository().orElseThrow(), at);
            g.stars = Math.round(10_000 * growth);
            if (collapsed) {
                g.archived = true;
                g.commitsLast90Days = 0L;
                g.issuesClosedLast90Days = 0L;
                g.sincePush = Duration.ofDays(400);
            }
            run.add(g.build());
            var py = TestObservations.pypi(p.id(), p.pypi().get(0), at);
            py.last30Days = Math.round(1_000_000 * growth);
            run.add(py.build());
        }
        return run;
    }

    private static Double maturity(LocalDate day) {
        JsonNode body = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/frameworks/keras/history").then().statusCode(200).extract().as(JsonNode.class);
        JsonNode points = body.get("points");
        return points == null || points.isEmpty() || points.get(0).get("maturity").isNull() ? null
                : points.get(0).get("maturity").asDouble();
    }

    private static LocalDate day(Instant time) {
        return LocalDate.ofInstant(time, ZoneOffset.UTC);
    }
}
