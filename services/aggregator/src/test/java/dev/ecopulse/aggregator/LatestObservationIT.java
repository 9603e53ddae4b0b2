package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.ecopulse.aggregator.repository.LatestObservationRepository;
import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An older observation arriving late never replaces a newer latest, in the store and in the API. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class LatestObservationIT {

    static final Instant NEWER = Instant.parse("2026-11-28T05:00:00Z");
    static final Instant OLDER = NEWER.minus(Duration.ofHours(3));

    @Inject
    LatestObservationRepository latest;

    @Test
    void theStoreKeepsTheNewerLatestWhenAnOlderOneComesLate() {
        latest.storeIfNewer(stored("orbax-newer", NEWER));
        latest.storeIfNewer(stored("orbax-older", OLDER));
        assertThat(latest.findByProject("orbax")).singleElement()
                .satisfies(o -> assertThat(o.id()).isEqualTo("orbax-newer"));

        latest.storeIfNewer(stored("orbax-newest", NEWER.plus(Duration.ofHours(1))));
        assertThat(latest.findByProject("orbax")).singleElement()
                .satisfies(o -> assertThat(o.id()).isEqualTo("orbax-newest"));
    }

    @Test
    void theApiShowsTheNewerLatestWhenAnOlderOneComesLate() {
        Observation newer = TestObservations.github("chex", "google-deepmind/chex", NEWER).stars(900).build();
        Observation older = TestObservations.github("chex", "google-deepmind/chex", OLDER).stars(850).build();
        ObservationSender.send(List.of(newer, older));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/projects/chex/observations")
                .then().statusCode(200).body("", hasSize(2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/projects/chex")
                .then().statusCode(200)
                .body("latest.github", hasSize(1))
                .body("latest.github[0].id", equalTo(ObservationSender.id(newer)))
                .body("latest.github[0].payload.stars", equalTo(900)));
        assertThat(latest.findByProject("chex")).singleElement()
                .satisfies(o -> assertThat(o.observedAt()).isEqualTo(NEWER));
    }

    static StoredObservation stored(String id, Instant at) {
        return new StoredObservation(id, "github", "orbax", "google/orbax", at, at,
                "{\"projectId\":\"orbax\",\"repository\":\"google/orbax\",\"observedAt\":\"" + at + "\"}");
    }
}
