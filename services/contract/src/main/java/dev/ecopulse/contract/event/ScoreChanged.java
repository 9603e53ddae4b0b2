package dev.ecopulse.contract.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * A framework's or project's maturity moved by more than the configured epsilon
 * ({@code dev.ecopulse.score.changed.v1} on {@code ecopulse.scores}, key = subject id).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreChanged(
        SubjectKind kind,
        String subjectId,
        Double oldScore,
        double newScore,
        String band,
        double coverage,
        Map<String, Double> dimensionDeltas,
        String cause,
        Instant computedAt) {

    public ScoreChanged {
        dimensionDeltas = dimensionDeltas == null ? Map.of() : Map.copyOf(dimensionDeltas);
    }

    public enum SubjectKind {
        FRAMEWORK,
        PROJECT
    }
}
