package dev.ecopulse.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One framework on the Hugging Face Hub ({@code dev.ecopulse.huggingface.observation.v1}), keyed by framework id:
 * the models tagged with its library tags, and what it holds of the most downloaded models.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HuggingfaceObservation(
        String frameworkId,
        List<String> libraries,
        Instant observedAt,
        String runId,
        SubjectStatus status,
        Models models,
        TopModels topModels,
        List<MissingSignal> missing) implements Observation {

    public HuggingfaceObservation {
        libraries = libraries == null ? List.of() : List.copyOf(libraries);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /** Models carrying any of the framework's library tags, and how many of them were created recently. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Models(
            Long tagged,
            Long createdLast30Days,
            Long createdPrevious30Days) {
    }

    /**
     * Among the {@code sampleSize} most downloaded models of the Hub (by 30-day downloads): how many carry this
     * framework's tags ({@code available}), only this framework's of the catalog's frameworks ({@code exclusive}) or
     * also another's ({@code shared}); {@code noneOfCatalog} (the same for every framework of one run) carry no
     * catalog framework's tag. Downloads are the Hub's last 30 days.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TopModels(
            Integer sampleSize,
            Long available,
            Long exclusive,
            Long shared,
            Long noneOfCatalog,
            Long downloads30d,
            Long exclusiveDownloads30d,
            Long likes) {
    }

    @Override
    @JsonIgnore
    public ObservationSource source() {
        return ObservationSource.HUGGINGFACE;
    }

    @Override
    @JsonIgnore
    public String projectId() {
        return frameworkId;
    }

    @Override
    @JsonIgnore
    public String subject() {
        return String.join(",", libraries);
    }
}
