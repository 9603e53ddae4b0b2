package dev.ecopulse.github.service;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.SubjectStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run learned about one repository, signal by signal, each with the time it was observed, and what it could
 * not learn, with the reason. Every signal ends up either with a value, as observed to have none (e.g. no release
 * yet), or missing; it becomes one observation.
 */
public final class RepositorySnapshot {

    private final CollectionTarget target;
    private final String via;
    private final Map<Signal, Object> values = new EnumMap<>(Signal.class);
    private final Map<Signal, Instant> times = new EnumMap<>(Signal.class);
    private final Set<Signal> none = EnumSet.noneOf(Signal.class);
    private final Map<Signal, String> missing = new EnumMap<>(Signal.class);
    private SubjectStatus status;
    private String movedTo;
    private Instant observedAt;

    public RepositorySnapshot(CollectionTarget target, String via) {
        this.target = target;
        this.via = via;
    }

    public CollectionTarget target() {
        return target;
    }

    /** The catalog's {@code owner/name}. */
    public RepositoryName requested() {
        return RepositoryName.parse(target.subject());
    }

    /** Where the repository lives now: the new name when it moved, else the catalog's. */
    public RepositoryName current() {
        return RepositoryName.parse(movedTo != null ? movedTo : target.subject());
    }

    public void found(Instant at) {
        status = SubjectStatus.FOUND;
        seen(at);
    }

    public void notFound(Instant at) {
        status = SubjectStatus.NOT_FOUND;
        seen(at);
    }

    public void moved(String newName, Instant at) {
        status = SubjectStatus.MOVED;
        movedTo = newName;
        seen(at);
    }

    public SubjectStatus status() {
        return status;
    }

    public boolean isMoved() {
        return status == SubjectStatus.MOVED;
    }

    public boolean isNotFound() {
        return status == SubjectStatus.NOT_FOUND;
    }

    public void put(Signal signal, Object value, Instant at) {
        values.put(signal, value);
        times.put(signal, at);
        none.remove(signal);
        missing.remove(signal);
    }

    /** GitHub was asked and has no value (no release yet, no language detected): absent, and not missing. */
    public void none(Signal signal, Instant at) {
        values.remove(signal);
        times.put(signal, at);
        none.add(signal);
        missing.remove(signal);
    }

    /** The signal could not be collected; the first reason given is kept. A signal already collected stays. */
    public void miss(Signal signal, String reason) {
        if (!values.containsKey(signal) && !none.contains(signal)) {
            missing.putIfAbsent(signal, reason);
        }
    }

    public void missAll(Collection<Signal> signals, String reason) {
        signals.forEach(s -> miss(s, reason));
    }

    /** Forgets a value so it can be asked again (e.g. a search made under a repository's old name). */
    public void forget(Signal signal) {
        values.remove(signal);
        times.remove(signal);
        none.remove(signal);
    }

    public boolean has(Signal signal) {
        return values.containsKey(signal);
    }

    public Object value(Signal signal) {
        return values.get(signal);
    }

    public Map<Signal, String> missing() {
        return Map.copyOf(missing);
    }

    /** Whether anything proves what the repository is (found, gone or moved); without it there is no observation. */
    public boolean known() {
        return status != null;
    }

    /** The first reason anything was missing, to explain a repository that yielded no observation. */
    public String failureReason() {
        return missing.values().stream().findFirst().orElse("GitHub gave no answer about it");
    }

    private void seen(Instant at) {
        if (observedAt == null || at.isBefore(observedAt)) {
            observedAt = at;
        }
    }

    /**
     * The observation: {@code observedAt} is when the repository was first seen this run; signals observed more than
     * {@code tolerance} away from it carry their own time in {@code signalObservedAt}. A signal neither collected nor
     * known missing is reported missing rather than silently absent.
     */
    public GithubObservation toObservation(String runId, Duration tolerance) {
        if (status == null) {
            throw new IllegalStateException("nothing is known about " + target.subject());
        }
        // a repository that does not exist has no signals to miss
        Map<Signal, String> gaps = status == SubjectStatus.NOT_FOUND ? new LinkedHashMap<>()
                : new LinkedHashMap<>(missing);
        if (status != SubjectStatus.NOT_FOUND) {
            for (Signal signal : Signal.values()) {
                if (!values.containsKey(signal) && !none.contains(signal)) {
                    gaps.putIfAbsent(signal, "not collected in this run");
                }
            }
        }
        Map<String, Instant> signalTimes = new LinkedHashMap<>();
        times.forEach((signal, at) -> {
            if (values.containsKey(signal) && Duration.between(observedAt, at).abs().compareTo(tolerance) > 0) {
                signalTimes.put(signal.field(), at);
            }
        });
        List<MissingSignal> missingSignals = new ArrayList<>();
        gaps.forEach((signal, reason) -> missingSignals.add(new MissingSignal(signal.field(), reason)));
        return new GithubObservation(target.projectId(), target.subject(), observedAt, runId, status, movedTo, via,
                count(Signal.STARS), count(Signal.FORKS), count(Signal.WATCHERS), count(Signal.OPEN_ISSUES),
                count(Signal.OPEN_PULL_REQUESTS), count(Signal.ISSUES_CLOSED_LAST_90_DAYS),
                count(Signal.CONTRIBUTORS), count(Signal.COMMITS_LAST_90_DAYS),
                count(Signal.COMMITS_PREVIOUS_90_DAYS), count(Signal.RELEASES_TOTAL),
                (String) values.get(Signal.LATEST_RELEASE_TAG), (Instant) values.get(Signal.LATEST_RELEASE_AT),
                count(Signal.RELEASES_LAST_365_DAYS), (Instant) values.get(Signal.CREATED_AT),
                (Instant) values.get(Signal.PUSHED_AT), (Boolean) values.get(Signal.ARCHIVED),
                (String) values.get(Signal.LICENSE), (String) values.get(Signal.PRIMARY_LANGUAGE), topics(),
                signalTimes, missingSignals);
    }

    private Long count(Signal signal) {
        return (Long) values.get(signal);
    }

    @SuppressWarnings("unchecked")
    private List<String> topics() {
        return (List<String>) values.get(Signal.TOPICS);
    }
}
