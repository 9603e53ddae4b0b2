package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.event.ObservationSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A framework's own catalog subjects (its Hub library tags, question tags and research search), each with its latest
 * observation as of some time; the framework-level counterpart of {@link ProjectInputs}.
 */
public record FrameworkInputs(Framework framework, List<ProjectInputs.Input> inputs, Instant freshFrom) {

    /** The framework-level sources, in the order their signals are shown. */
    public static final List<ObservationSource> SOURCES = List.of(ObservationSource.HUGGINGFACE,
            ObservationSource.STACKEXCHANGE, ObservationSource.RESEARCH);

    public FrameworkInputs {
        inputs = List.copyOf(inputs);
    }

    /**
     * The subject a framework-level source observes for the framework, as its collector names it: the library tags
     * joined by commas, the question tags by semicolons, or the search; empty when the catalog gives none.
     */
    public static Optional<String> subject(Framework f, ObservationSource source) {
        return switch (source) {
            case HUGGINGFACE -> f.huggingface().isEmpty() ? Optional.empty()
                    : Optional.of(String.join(",", f.huggingface()));
            case STACKEXCHANGE -> f.stackoverflow().isEmpty() ? Optional.empty()
                    : Optional.of(String.join(";", f.stackoverflow()));
            case RESEARCH -> Optional.ofNullable(f.research());
            default -> Optional.empty();
        };
    }

    public static List<SubjectKey> subjects(Framework f) {
        List<SubjectKey> keys = new ArrayList<>();
        for (ObservationSource source : SOURCES) {
            subject(f, source).ifPresent(s -> keys.add(new SubjectKey(f.id(), source, s)));
        }
        return keys;
    }

    public static FrameworkInputs asOf(Framework f, HistorySnapshot history, Instant asOf, Instant freshFrom) {
        return new FrameworkInputs(f, subjects(f).stream()
                .map(k -> new ProjectInputs.Input(k, history.atOrBefore(k, asOf), history)).toList(), freshFrom);
    }

    public List<ProjectInputs.Input> of(ObservationSource source) {
        return inputs.stream().filter(i -> i.key().source() == source).toList();
    }

    /** When the newest of the framework's own observations was made; empty before the first. */
    public Optional<Instant> updatedAt() {
        return inputs.stream().map(ProjectInputs.Input::point).flatMap(Optional::stream)
                .map(ObservedPoint::observedAt).max(Instant::compareTo);
    }
}
