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
        String trend30,
        String trend90,
        Map<String, Double> shares,
        Instant asOf) {

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
                score.momentum().trend30(), score.momentum().trend90(), shares.isEmpty() ? null : shares,
                score.updatedAt());
    }
}
