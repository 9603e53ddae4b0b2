package dev.ecopulse.contract.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * A framework's or project's maturity moved by more than the configured epsilon; a framework's event also carries
 * its share (percent) of each catalog-wide flow at that time
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
        Map<String, Double> shares,
        String cause,
        Instant computedAt) {

    public ScoreChanged {
        dimensionDeltas = dimensionDeltas == null ? Map.of() : Map.copyOf(dimensionDeltas);
        shares = shares == null || shares.isEmpty() ? null : Map.copyOf(shares);
    }

    /** A change without shares (a project's, or from a producer that does not compute them). */
    public ScoreChanged(SubjectKind kind, String subjectId, Double oldScore, double newScore, String band,
            double coverage, Map<String, Double> dimensionDeltas, String cause, Instant computedAt) {
        this(kind, subjectId, oldScore, newScore, band, coverage, dimensionDeltas, null, cause, computedAt);
    }

    public enum SubjectKind {
        FRAMEWORK,
        PROJECT
    }
}
