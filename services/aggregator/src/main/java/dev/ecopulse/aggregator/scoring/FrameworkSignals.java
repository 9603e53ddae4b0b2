package dev.ecopulse.aggregator.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Derives a framework's signals from its projects' signals: sums, maxima, medians or means (see {@link Aggregate}),
 * and the ecosystem signals (registries, languages, deployment projects, active share) from facts about them. The
 * data share of a framework signal is the mean of its projects' shares, so a project without the signal lowers the
 * coverage instead of vanishing. Pure.
 */
public final class FrameworkSignals {

    private FrameworkSignals() {
    }

    /** {@code projects} in catalog order, by project id. */
    public static SignalSet aggregate(Map<String, ProjectEvidence> projects) {
        Map<Signal, Reading> readings = new EnumMap<>(Signal.class);
        Map<Signal, String> missing = new EnumMap<>(Signal.class);
        if (projects.isEmpty()) {
            for (Signal s : Signal.values()) {
                missing.put(s, "the framework has no project in the catalog");
            }
            return new SignalSet(readings, missing);
        }
        for (Signal signal : Signal.values()) {
            if (signal.aggregate() == Aggregate.ECOSYSTEM) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            double share = 0;
            Instant oldest = null;
            for (Map.Entry<String, ProjectEvidence> p : projects.entrySet()) {
                Optional<Reading> r = p.getValue().signals().reading(signal);
                if (r.isPresent()) {
                    values.add(r.get().value());
                    sources.add(p.getKey());
                    share += r.get().share();
                    oldest = older(oldest, r.get().observedAt());
                    r.get().notes().forEach(n -> notes.add(p.getKey() + ": " + n));
                } else {
                    notes.add(p.getKey() + ": " + p.getValue().signals().missing().get(signal));
                }
            }
            if (values.isEmpty()) {
                missing.put(signal, "no project has it: " + String.join("; ", grouped(notes)));
            } else {
                readings.put(signal, new Reading(signal.aggregate().apply(values), sources, oldest,
                        share / projects.size(), grouped(notes)));
            }
        }
        ecosystem(Signal.REGISTRIES, projects, ProjectFacts::registries,
                known -> (double) known.stream().flatMap(Set::stream).collect(
                        java.util.stream.Collectors.toCollection(TreeSet::new)).size(),
                "no registry observation of any project yet", readings, missing);
        ecosystem(Signal.LANGUAGES, projects, ProjectFacts::language,
                known -> (double) new TreeSet<>(known).size(),
                "no GitHub observation with a primary language yet", readings, missing);
        ecosystem(Signal.DEPLOYMENT_PROJECTS, projects, ProjectFacts::deployment,
                known -> (double) known.stream().filter(Boolean::booleanValue).count(),
                "no project observed on Maven Central or GitHub yet", readings, missing);
        ecosystem(Signal.ACTIVE_SHARE, projects, ProjectFacts::active,
                known -> (double) known.stream().filter(Boolean::booleanValue).count() / known.size(),
                "no project with a push or release date observed yet", readings, missing);
        return new SignalSet(readings, missing);
    }

    private static <T> void ecosystem(Signal signal, Map<String, ProjectEvidence> projects,
            Function<ProjectFacts, Optional<T>> fact, Function<List<T>, Double> value, String none,
            Map<Signal, Reading> readings, Map<Signal, String> missing) {
        List<T> known = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Instant oldest = null;
        for (Map.Entry<String, ProjectEvidence> p : projects.entrySet()) {
            Optional<T> f = fact.apply(p.getValue().facts());
            if (f.isPresent()) {
                known.add(f.get());
                sources.add(p.getKey());
                oldest = older(oldest, p.getValue().signals().readings().values().stream()
                        .map(Reading::observedAt).filter(java.util.Objects::nonNull).min(Instant::compareTo)
                        .orElse(null));
            } else {
                notes.add(p.getKey() + ": unknown");
            }
        }
        if (known.isEmpty()) {
            missing.put(signal, none);
            return;
        }
        readings.put(signal, new Reading(value.apply(known), sources, oldest,
                (double) known.size() / projects.size(), notes));
    }

    /** "p1: reason", "p2: reason" become "reason (p1, p2)", so a reason shared by many projects is said once. */
    static List<String> grouped(List<String> notes) {
        Map<String, List<String>> byReason = new java.util.LinkedHashMap<>();
        for (String note : notes) {
            int colon = note.indexOf(": ");
            byReason.computeIfAbsent(note.substring(colon + 2), r -> new ArrayList<>()).add(note.substring(0, colon));
        }
        List<String> grouped = new ArrayList<>();
        byReason.forEach((reason, ids) -> grouped.add(ids.size() == 1 ? ids.get(0) + ": " + reason
                : reason + " (" + String.join(", ", ids) + ")"));
        return grouped;
    }

    private static Instant older(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
