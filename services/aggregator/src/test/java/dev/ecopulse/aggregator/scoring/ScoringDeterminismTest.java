package dev.ecopulse.aggregator.scoring;

import static dev.ecopulse.aggregator.TestObservations.github;
import static dev.ecopulse.aggregator.TestObservations.pypi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.event.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The same observations give the same scores, whatever their order and however often they arrive. */
class ScoringDeterminismTest {

    static final Instant START = Instant.parse("2026-08-01T06:00:00Z");

    @Test
    void duplicatedAndShuffledObservationsScoreAsTheOrderedOnes() {
        List<Observation> ordered = new ArrayList<>();
        for (int day = 0; day < 120; day += 3) {
            Instant at = START.plus(Duration.ofDays(day));
            ordered.add(github("flax", "google/flax", at).stars(6_000 + 20L * day).build());
            ordered.add(pypi("flax", "flax", at).downloads(2_000_000 + 5_000L * day, 2_000_000).build());
            ordered.add(github("optax", "google-deepmind/optax", at).stars(1_700 + 3L * day).build());
        }
        List<Observation> replayed = new ArrayList<>(ordered);
        replayed.addAll(ordered);
        Collections.shuffle(replayed, new Random(7));

        var catalog = CatalogLoader.loadDefault();
        var methodology = MethodologyLoader.loadDefault();
        Instant asOf = Instant.parse("2027-01-01T00:00:00Z");
        Evaluation once = Scoring.evaluate(catalog, methodology, Fixtures.history(ordered), asOf);
        Evaluation twice = Scoring.evaluate(catalog, methodology, Fixtures.history(replayed), asOf);

        assertThat(twice).isEqualTo(once);
        assertThat(once.frameworks().get("jax").maturity().maturity()).isNotNull();
        assertThat(once.frameworks().get("jax").momentum().index30()).isNotNull();
    }
}
