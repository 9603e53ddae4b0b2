package dev.ecopulse.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Scholarly works mentioning one framework ({@code dev.ecopulse.research.observation.v1}, from OpenAlex), keyed by
 * framework id. Mentions in indexed text (titles, abstracts, full text where OpenAlex has it), not use in code.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResearchObservation(
        String frameworkId,
        String search,
        Instant observedAt,
        String runId,
        SubjectStatus status,
        Works works,
        List<MissingSignal> missing) implements Observation {

    public ResearchObservation {
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /**
     * Works published in the 365 days up to {@code through} (inclusive) and in the 365 days before them.
     * {@code through} lies behind the observation by the indexing lag the collector allows for.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Works(
            Long lastYear,
            Long previousYear,
            LocalDate through) {
    }

    @Override
    @JsonIgnore
    public ObservationSource source() {
        return ObservationSource.RESEARCH;
    }

    @Override
    @JsonIgnore
    public String projectId() {
        return frameworkId;
    }

    @Override
    @JsonIgnore
    public String subject() {
        return search;
    }
}
