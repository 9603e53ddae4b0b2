package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.ObservationSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A project's catalog subjects, each with its latest observation as of some time (empty where none yet) and the
 * history behind it. {@code freshFrom} is the oldest time a value may be from and still count: older values are
 * missing (with their last known value said), newer ones carried forward from an earlier observation are stale.
 */
public record ProjectInputs(Project project, List<Input> inputs, Instant freshFrom) {

    /** How far back a missing field's last known value is looked for (it only widens the range). */
    static final Duration LAST_KNOWN_WITHIN = Duration.ofDays(400);

    public ProjectInputs {
        inputs = List.copyOf(inputs);
    }

    /** One subject: its latest observation, and the stored history to find a field's last good value in. */
    public record Input(SubjectKey key, Optional<ObservedPoint> point, HistorySnapshot history) {

        public Input(SubjectKey key, Optional<ObservedPoint> point) {
            this(key, point, HistorySnapshot.empty());
        }

        /** Observations older than the latest one, newest first, back to {@link #LAST_KNOWN_WITHIN} before it. */
        List<ObservedPoint> earlier() {
            if (point.isEmpty()) {
                return List.of();
            }
            ObservedPoint latest = point.get();
            // by id: comparing whole payloads cost more than the rest of scoring once a subject has months of days
            return history.lookback(key, latest.observedAt(), latest.observedAt().minus(LAST_KNOWN_WITHIN)).stream()
                    .filter(p -> !p.id().equals(latest.id())).toList();
        }
    }

    /** The subjects the catalog lists for the project, in catalog order. */
    public static List<SubjectKey> subjects(Project project) {
        List<SubjectKey> keys = new ArrayList<>();
        project.githubRepository().ifPresent(r -> keys.add(new SubjectKey(project.id(), ObservationSource.GITHUB, r)));
        project.pypi().forEach(p -> keys.add(new SubjectKey(project.id(), ObservationSource.PYPI, p)));
        project.maven().forEach(c -> keys.add(new SubjectKey(project.id(), ObservationSource.MAVEN, c)));
        project.npm().forEach(n -> keys.add(new SubjectKey(project.id(), ObservationSource.NPM, n)));
        return keys;
    }

    /** Each subject's latest observation made at or before {@code asOf}; values older than freshFrom are missing. */
    public static ProjectInputs asOf(Project project, HistorySnapshot history, Instant asOf, Instant freshFrom) {
        return new ProjectInputs(project, subjects(project).stream()
                .map(k -> new Input(k, history.atOrBefore(k, asOf), history)).toList(), freshFrom);
    }

    /** The project's packages on registries (PyPI, Maven Central, npm), in catalog order. */
    public List<Input> packages() {
        return inputs.stream().filter(i -> i.key().source() == ObservationSource.PYPI
                || i.key().source() == ObservationSource.MAVEN || i.key().source() == ObservationSource.NPM).toList();
    }

    public List<Input> of(ObservationSource source) {
        return inputs.stream().filter(i -> i.key().source() == source).toList();
    }
}
