package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

import dev.ecopulse.aggregator.repository.FlowRepository;
import dev.ecopulse.aggregator.scoring.SubjectKey;
import dev.ecopulse.aggregator.service.FlowStore;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import dev.ecopulse.testsupport.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Series events go through the real broker into the flows collection (once) and the flows scoring reads. */
@QuarkusTest
@TestProfile(WithFlows.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class SeriesPipelineIT {

    static final Instant AT = Instant.parse("2026-11-28T07:00:00Z");
    static final LocalDate FIRST = LocalDate.parse("2026-10-01");
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    FlowRepository repository;

    @Inject
    FlowStore flows;

    @Test
    void storesASeriesOnceAppliesItAndRescoresTheDaysItEnds() {
        SeriesObservation series = SeriesSender.dailyDownloads("tfx", "tfx", FIRST, 30, 1_000, AT);
        SubjectKey key = new SubjectKey("tfx", ObservationSource.PYPI, "tfx");
        double stored = Metrics.sum("ecopulse_aggregator_flows_stored_total");

        SeriesSender.send(series);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(repository.countByProject("tfx")).isEqualTo(30);
            var window = flows.snapshot().count(key, SeriesObservation.Signals.DOWNLOADS, FIRST, FIRST.plusDays(30));
            assertThat(window.complete()).isTrue();
            assertThat(window.count()).isEqualTo(30 * 1_000 + 29 * 30 / 2.0);
        });
        assertThat(Metrics.sum("ecopulse_aggregator_flows_stored_total")).isEqualTo(stored + 30);
        await().atMost(WAIT).untilAsserted(() -> given()
                .get("/api/v1/frameworks/tensorflow/history?from=2026-10-01&to=2026-11-28").then().statusCode(200)
                .body("points.date", hasItems("2026-10-02", "2026-10-31")));

        // redelivered: nothing stored anew, every flow counted as unchanged
        double unchanged = Metrics.sum("ecopulse_aggregator_flows_unchanged_total");
        SeriesSender.send(series);
        await().atMost(WAIT).until(() -> Metrics.sum("ecopulse_aggregator_flows_unchanged_total")
                >= unchanged + 30);
        assertThat(Metrics.sum("ecopulse_aggregator_flows_stored_total")).isEqualTo(stored + 30);
        assertThat(repository.countByProject("tfx")).isEqualTo(30);
    }

    @Test
    void aDayCountedAnewReplacesItsCountAndNothingElse() {
        SeriesObservation first = SeriesSender.dailyDownloads("tensorflow-serving", "tensorflow-serving-api", FIRST,
                3, 500, AT);
        SeriesSender.send(first);
        SubjectKey key = new SubjectKey("tensorflow-serving", ObservationSource.PYPI, "tensorflow-serving-api");
        await().atMost(WAIT).until(() -> flows.snapshot().count(key, SeriesObservation.Signals.DOWNLOADS, FIRST,
                FIRST.plusDays(3)).complete());
        double stored = Metrics.sum("ecopulse_aggregator_flows_stored_total");

        List<Flow> recounted = new ArrayList<>(first.flows());
        recounted.set(1, new Flow(SeriesObservation.Signals.DOWNLOADS, FIRST.plusDays(1), FIRST.plusDays(2), 900));
        SeriesSender.send(new SeriesObservation("tensorflow-serving", "pypi", "tensorflow-serving-api",
                AT.plusSeconds(3600), "run-2", SeriesObservation.ORIGIN_COLLECTION, recounted, List.of()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(flows.snapshot().count(key,
                SeriesObservation.Signals.DOWNLOADS, FIRST, FIRST.plusDays(3)).count()).isEqualTo(500 + 900 + 502));
        assertThat(Metrics.sum("ecopulse_aggregator_flows_stored_total")).isEqualTo(stored + 1);
        assertThat(repository.countByProject("tensorflow-serving")).isEqualTo(3);
    }

    @Test
    void rejectsInvalidSeriesWithTheirReasonsAndStoresTheNextValidOne() {
        String project = "tensorflow-probability";
        SeriesObservation valid = SeriesSender.dailyDownloads(project, project, FIRST, 2, 10, AT);
        SeriesObservation foreign = SeriesSender.dailyDownloads(project, "torch", FIRST, 2, 10, AT);
        Map<String, String> forged = new LinkedHashMap<>(SeriesSender.headers(valid));
        forged.put(CloudEventAttributes.HEADER_ID, "00000000-0000-3000-8000-000000000000");
        String json = SeriesSender.json(valid);
        String backwards = json.replace("\"to\":\"2026-10-02\"", "\"to\":\"2026-10-01\"");
        String unknownSignal = json.replace("\"downloads\"", "\"forks\"");
        assertThat(backwards).isNotEqualTo(json);

        SeriesSender.send(foreign);
        SeriesSender.send(valid, json, forged);
        SeriesSender.send(valid, backwards, SeriesSender.headers(valid));
        SeriesSender.send(valid, unknownSignal, SeriesSender.headers(valid));
        SeriesSender.send(valid);

        await().atMost(WAIT).until(() -> repository.countByProject(project) == 2);
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> reasons = TopicClient.read(Topics.METRICS_DLQ, 1, Duration.ofSeconds(5)).stream()
                    .filter(r -> project.equals(r.key())).map(DeadLetterIT::reason).toList();
            assertThat(reasons).hasSize(4);
            assertThat(reasons.get(0)).isEqualTo("pypi subject 'torch' is not one of project"
                    + " 'tensorflow-probability' in the catalog");
            assertThat(reasons.get(1)).isEqualTo("ce_id '00000000-0000-3000-8000-000000000000' is not the id"
                    + " derived from the series' source, project, subject, origin and flows ('"
                    + SeriesSender.headers(valid).get(CloudEventAttributes.HEADER_ID) + "')");
            assertThat(reasons.get(2)).isEqualTo("payload is not a valid series: a flow must end after it starts:"
                    + " 2026-10-01 to 2026-10-01");
            assertThat(reasons.get(3)).startsWith("payload does not match the dev.ecopulse.pypi.series.v1 schema:");
        });
    }
}
