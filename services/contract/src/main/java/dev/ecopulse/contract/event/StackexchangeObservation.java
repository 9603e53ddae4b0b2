package dev.ecopulse.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One framework's questions on a Stack Exchange site ({@code dev.ecopulse.stackexchange.observation.v1}), keyed by
 * framework id: questions carrying any of its tags, summed over the tags.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StackexchangeObservation(
        String frameworkId,
        String site,
        List<String> tags,
        Instant observedAt,
        String runId,
        SubjectStatus status,
        Questions questions,
        List<MissingSignal> missing) implements Observation {

    public StackexchangeObservation {
        tags = tags == null ? List.of() : List.copyOf(tags);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /**
     * {@code total}: the tags' question counts ({@code /tags/{tags}/info}); the windows are questions asked in the 30
     * (365) days before the observation; {@code answeredShare}: the share of the previous 30-day window's questions
     * that have at least one answer (a window old enough for answers to arrive).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Questions(
            Long total,
            Long last30Days,
            Long previous30Days,
            Long last365Days,
            Double answeredShare) {
    }

    @Override
    @JsonIgnore
    public ObservationSource source() {
        return ObservationSource.STACKEXCHANGE;
    }

    @Override
    @JsonIgnore
    public String projectId() {
        return frameworkId;
    }

    @Override
    @JsonIgnore
    public String subject() {
        return String.join(";", tags);
    }
}
