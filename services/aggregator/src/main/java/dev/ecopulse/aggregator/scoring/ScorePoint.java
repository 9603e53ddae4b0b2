package dev.ecopulse.aggregator.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A day in a subject's score history: its scores as of the end of that UTC day. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScorePoint(
        LocalDate date,
        Double maturity,
        String band,
        double coverage,
        Map<String, Double> dimensions,
        Double momentum30,
        Double momentum90,
        Double shareMomentum30,
        Double shareMomentum90,
        String trend30,
        String trend90,
        Map<String, Double> shares,
        Map<String, Double> flowShares30,
        Instant asOf) {

    /** Each momentum signal's share of the catalog-wide flow over the last 30 days, in percent; null when none. */
    private static Map<String, Double> flowShares(Momentum momentum) {
        Map<String, Double> shares = new LinkedHashMap<>();
        momentum.signals().stream().filter(g -> g.days30().sharePercent() != null)
                .forEach(g -> shares.put(g.signal(), g.days30().sharePercent()));
        return shares.isEmpty() ? null : shares;
    }

    public static ScorePoint of(LocalDate date, SubjectScore score) {
        Map<String, Double> dimensions = new LinkedHashMap<>();
        score.maturity().dimensions().forEach(d -> dimensions.put(d.id(), d.score()));
        Map<String, Double> shares = new LinkedHashMap<>();
        score.shares().forEach((measure, share) -> {
            if (share.percent() != null) {
                shares.put(measure, share.percent());
            }
        });
        return new ScorePoint(date, score.maturity().maturity(), score.maturity().band(),
                score.maturity().coverage(), dimensions, score.momentum().index30(), score.momentum().index90(),
                score.momentum().shareIndex30(), score.momentum().shareIndex90(), score.momentum().trend30(),
                score.momentum().trend90(), shares.isEmpty() ? null : shares, flowShares(score.momentum()),
                score.updatedAt());
    }
}
