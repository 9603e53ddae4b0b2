package dev.ecopulse.aggregator;

import static dev.ecopulse.aggregator.TestObservations.github;
import static dev.ecopulse.aggregator.TestObservations.pypi;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.Topics;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import dev.ecopulse.testsupport.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The store goes down in the middle of a stream and comes back on the same port: nothing is acknowledged or sent to
 * the dead letters meanwhile, and afterwards every observation is stored exactly once.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class StoreOutageIT {

    static final List<String[]> PROJECTS = List.of(new String[] {"mxnet-core", "apache/mxnet", "mxnet"},
            new String[] {"gluoncv", "dmlc/gluon-cv", "gluoncv"},
            new String[] {"gluonnlp", "dmlc/gluon-nlp", "gluonnlp"},
            new String[] {"multi-model-server", "awslabs/multi-model-server", "multi-model-server"});

    @Test
    void storesEveryObservationExactlyOnceAcrossAStoreOutage() {
        List<Observation> stream = stream();
        List<Observation> before = stream.subList(0, 10);
        List<Observation> during = stream.subList(10, stream.size());
        ObservationSender.send(before);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ScoringPipelineIT.assertStoredOnce(before));

        MongoResource.store().suspend();
        try {
            ObservationSender.send(during);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready")
                    .then().statusCode(503));
            // held, neither acknowledged nor rejected: nothing is counted as stored while the store is down
            double stored = Metrics.sum("ecopulse_aggregator_observations_stored_total");
            double rejected = Metrics.sum("ecopulse_aggregator_observations_rejected_total");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> Metrics.sum(
                    "ecopulse_aggregator_observations_stored_total") == stored
                    && Metrics.sum("ecopulse_aggregator_observations_rejected_total") == rejected);
        } finally {
            MongoResource.store().resume();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> ScoringPipelineIT.assertStoredOnce(stream));
        Set<String> ours = Set.of("mxnet-core", "gluoncv", "gluonnlp", "multi-model-server");
        assertThat(TopicClient.read(Topics.METRICS_DLQ, 0, Duration.ofSeconds(2)))
                .noneMatch(r -> ours.contains(r.key()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready")
                .then().statusCode(200));
    }

    /** Five hourly runs of four projects: GitHub and PyPI each, 40 observations. */
    static List<Observation> stream() {
        List<Observation> all = new ArrayList<>();
        for (int hour = 4; hour >= 0; hour--) {
            Instant at = EcosystemData.LAST_RUN.minus(Duration.ofHours(hour));
            for (String[] p : PROJECTS) {
                all.add(github(p[0], p[1], at).stars(20_000 - hour).build());
                all.add(pypi(p[0], p[2], at).build());
            }
        }
        return all;
    }
}
