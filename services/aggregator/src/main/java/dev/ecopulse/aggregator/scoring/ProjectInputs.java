package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.ObservationSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A project's catalog subjects, each with its latest observation as of some time (empty where none yet). */
public record ProjectInputs(Project project, List<Input> inputs) {

    public ProjectInputs {
        inputs = List.copyOf(inputs);
    }

    public record Input(SubjectKey key, Optional<ObservedPoint> point) {
    }

    /** The subjects the catalog lists for the project, in catalog order. */
    public static List<SubjectKey> subjects(Project project) {
        List<SubjectKey> keys = new ArrayList<>();
        project.githubRepository().ifPresent(r -> keys.add(new SubjectKey(project.id(), ObservationSource.GITHUB, r)));
        project.pypi().forEach(p -> keys.add(new SubjectKey(project.id(), ObservationSource.PYPI, p)));
        project.maven().forEach(c -> keys.add(new SubjectKey(project.id(), ObservationSource.MAVEN, c)));
        return keys;
    }

    /** Each subject's latest observation made at or before {@code asOf}. */
    public static ProjectInputs asOf(Project project, HistorySnapshot history, Instant asOf) {
        return new ProjectInputs(project, subjects(project).stream()
                .map(k -> new Input(k, history.atOrBefore(k, asOf))).toList());
    }

    public List<Input> of(ObservationSource source) {
        return inputs.stream().filter(i -> i.key().source() == source).toList();
    }
}
