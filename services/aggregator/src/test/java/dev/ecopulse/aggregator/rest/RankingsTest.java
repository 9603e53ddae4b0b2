package dev.ecopulse.aggregator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.aggregator.scoring.Level;
import dev.ecopulse.aggregator.scoring.MaturityScore;
import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.aggregator.scoring.Momentum;
import dev.ecopulse.aggregator.scoring.Share;
import dev.ecopulse.aggregator.scoring.SubjectScore;
import dev.ecopulse.aggregator.service.ScoreQueries.FrameworkEntry;
import dev.ecopulse.contract.catalog.Framework;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingsTest {

    static final Methodology.Comparison RULE = new Methodology.Comparison(1.0, 1.0);

    @Test
    void scoresWithinTheTieRuleOrWithOverlappingRangesShareAPlace() {
        List<Rankings.Ranking> rankings = Rankings.of(List.of(
                entry("a", 70.0, 70.0, 70.0, 40.0, 1.0),
                entry("b", 69.5, 69.5, 69.5, 39.5, 1.0),
                entry("c", 60.0, 60.0, 72.0, 10.0, 1.0),
                entry("d", 40.0, 40.0, 40.0, 10.5, 1.0)), RULE);

        // a and b are within 1 point; c's range reaches up to them; d is clearly behind
        assertThat(ranking(rankings, "maturity").order()).containsExactly(List.of("a", "b", "c"), List.of("d"));
        // downloads shares: 40 and 39.5 tied, 10.5 and 10 tied, the two groups apart
        assertThat(ranking(rankings, "share.downloads30d").order())
                .containsExactly(List.of("a", "b"), List.of("d", "c"));
    }

    @Test
    void aShareRestingOnPartOfTheDataIsTiedWithinTheMissingPart() {
        List<Rankings.Ranking> rankings = Rankings.of(List.of(
                entry("a", 70.0, 70.0, 70.0, 30.0, 1.0),
                entry("b", 50.0, 50.0, 50.0, 25.0, 0.9)), RULE);

        // 5 points apart, but a tenth of b's projects have no value: within 1 + 10 points
        assertThat(ranking(rankings, "share.downloads30d").order()).containsExactly(List.of("a", "b"));
        assertThat(ranking(rankings, "maturity").order()).containsExactly(List.of("a"), List.of("b"));
    }

    private static Rankings.Ranking ranking(List<Rankings.Ranking> rankings, String measure) {
        return rankings.stream().filter(r -> r.measure().equals(measure)).findFirst().orElseThrow();
    }

    private static FrameworkEntry entry(String id, double maturity, double low, double high, double downloadsShare,
            double dataShare) {
        MaturityScore score = new MaturityScore(maturity, "Stable", 1.0, new MaturityScore.Range(low, high), List.of(),
                List.of());
        Momentum momentum = new Momentum(null, null, null, null, Momentum.UNAVAILABLE, Momentum.UNAVAILABLE, List.of());
        return new FrameworkEntry(new Framework(id, id.toUpperCase(), null), new SubjectScore(id, Level.FRAMEWORK,
                score, momentum, null, List.of(), Map.of("downloads30d", new Share(downloadsShare, dataShare, null))));
    }
}
