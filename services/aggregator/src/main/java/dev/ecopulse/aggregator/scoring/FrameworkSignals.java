package dev.ecopulse.aggregator.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Derives a framework's signals from its projects' signals (see {@link Aggregate}) and the ecosystem signals
 * (registries, languages, deployment projects, active share) from facts about them. A project counts in a framework's
 * sums by its attribution share; in medians, means, the active share and the data share it counts by its adoption
 * weight ({@link AdoptionWeights}). A project to which a signal cannot apply is left out of that signal; one that
 * should have it and does not lowers its data share and is named. Pure.
 */
public final class FrameworkSignals {

    private FrameworkSignals() {
    }

    /** {@code projects} in catalog order, by project id; {@code attribution}: each one's share of the framework. */
    public static SignalSet aggregate(Map<String, ProjectEvidence> projects, Map<String, Double> attribution) {
        return aggregate(projects, attribution, null);
    }

    /** As above, with the signals observed for the framework itself from {@code own} (none when null). */
    public static SignalSet aggregate(Map<String, ProjectEvidence> projects, Map<String, Double> attribution,
            FrameworkInputs own) {
        Map<Signal, Reading> readings = new EnumMap<>(Signal.class);
        Map<Signal, String> missing = new EnumMap<>(Signal.class);
        Map<Signal, String> notApplicable = new EnumMap<>(Signal.class);
        if (own != null) {
            FrameworkObservedSignals.derive(own, readings, missing, notApplicable);
        } else {
            for (Signal s : Signal.values()) {
                if (s.aggregate() == Aggregate.OBSERVED) {
                    notApplicable.put(s, "not observed for this framework");
                }
            }
        }
        if (projects.isEmpty()) {
            for (Signal s : Signal.values()) {
                if (s.aggregate() != Aggregate.OBSERVED) {
                    missing.put(s, "the framework has no project in the catalog");
                }
            }
            return new SignalSet(readings, missing, notApplicable);
        }
        Map<String, Double> weights = AdoptionWeights.of(projects, attribution);
        for (Signal signal : Signal.values()) {
            if (signal.aggregate() != Aggregate.ECOSYSTEM && signal.aggregate() != Aggregate.OBSERVED) {
                project(signal, projects, attribution, weights, readings, missing, notApplicable);
            }
        }
        Map<String, Double> counted = new LinkedHashMap<>(attribution);
        ecosystem(Signal.REGISTRIES, projects, weights, ProjectFacts::registries,
                known -> (double) known.keySet().stream().flatMap(Set::stream)
                        .collect(java.util.stream.Collectors.toCollection(TreeSet::new)).size(),
                "no registry observation of any project yet", readings, missing);
        ecosystem(Signal.LANGUAGES, projects, weights, ProjectFacts::language,
                known -> (double) new TreeSet<>(known.keySet()).size(),
                "no GitHub observation with a primary language yet", readings, missing);
        ecosystem(Signal.DEPLOYMENT_PROJECTS, projects, counted, ProjectFacts::deployment,
                known -> known.entrySet().stream().filter(Map.Entry::getKey).mapToDouble(Map.Entry::getValue).sum(),
                "no GitHub observation of any project yet", readings, missing);
        ecosystem(Signal.ACTIVE_SHARE, projects, weights, ProjectFacts::active,
                known -> known.entrySet().stream().filter(Map.Entry::getKey).mapToDouble(Map.Entry::getValue).sum()
                        / known.values().stream().mapToDouble(Double::doubleValue).sum(),
                "no project with a push or release date observed yet", readings, missing);
        return new SignalSet(readings, missing, notApplicable);
    }

    private static void project(Signal signal, Map<String, ProjectEvidence> projects, Map<String, Double> attribution,
            Map<String, Double> weights, Map<Signal, Reading> readings, Map<Signal, String> missing,
            Map<Signal, String> notApplicable) {
        List<Double> values = new ArrayList<>();
        List<Double> valueWeights = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> inapplicable = new ArrayList<>();
        double presentWeight = 0;
        double applicableWeight = 0;
        boolean stale = false;
        Double best = 0.0;
        Instant oldest = null;
        for (Map.Entry<String, ProjectEvidence> p : projects.entrySet()) {
            String id = p.getKey();
            SignalSet s = p.getValue().signals();
            if (!s.applies(signal)) {
                inapplicable.add(id + ": " + s.notApplicable().get(signal));
                continue;
            }
            double w = weights.get(id);
            applicableWeight += w;
            Optional<Reading> r = s.reading(signal);
            if (r.isEmpty()) {
                notes.add(id + ": " + s.missing().get(signal));
                best = null;
                continue;
            }
            values.add(r.get().value());
            valueWeights.add(signal.aggregate() == Aggregate.SUM ? attribution.get(id) : w);
            sources.add(attribution.get(id) < 1 ? id + " (attributed " + percent(attribution.get(id)) + ")" : id);
            presentWeight += w * r.get().share();
            stale |= r.get().stale();
            best = best == null || r.get().best() == null ? null : best + attribution.get(id) * r.get().best();
            oldest = older(oldest, r.get().observedAt());
            r.get().notes().forEach(n -> notes.add(id + ": " + n));
        }
        if (applicableWeight == 0) {
            notApplicable.put(signal, "applies to none of its projects: " + String.join("; ", grouped(inapplicable)));
            return;
        }
        if (values.isEmpty()) {
            missing.put(signal, "no project has it: " + String.join("; ", grouped(notes)));
            return;
        }
        double value = signal.aggregate().apply(values, valueWeights);
        double share = presentWeight / applicableWeight;
        readings.put(signal, new Reading(value, sources, oldest, share, grouped(notes), stale,
                signal.aggregate() == Aggregate.SUM ? best : share >= 1 ? Double.valueOf(value) : null));
    }

    /** {@code value} gets each known fact with the summed weight of the projects that have it. */
    private static <T> void ecosystem(Signal signal, Map<String, ProjectEvidence> projects,
            Map<String, Double> weights, Function<ProjectFacts, Optional<T>> fact,
            Function<Map<T, Double>, Double> value, String none, Map<Signal, Reading> readings,
            Map<Signal, String> missing) {
        Map<T, Double> known = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double knownWeight = 0;
        double totalWeight = 0;
        Instant oldest = null;
        for (Map.Entry<String, ProjectEvidence> p : projects.entrySet()) {
            double w = weights.get(p.getKey());
            totalWeight += w;
            Optional<T> f = fact.apply(p.getValue().facts());
            if (f.isPresent()) {
                known.merge(f.get(), w, Double::sum);
                knownWeight += w;
                sources.add(p.getKey());
                oldest = older(oldest, p.getValue().signals().readings().values().stream()
                        .map(Reading::observedAt).filter(Objects::nonNull).min(Instant::compareTo).orElse(null));
            } else {
                notes.add(p.getKey() + ": unknown");
            }
        }
        if (known.isEmpty()) {
            missing.put(signal, none);
            return;
        }
        readings.put(signal, new Reading(value.apply(known), sources, oldest, knownWeight / totalWeight, notes));
    }

    /** "p1: reason", "p2: reason" become "reason (p1, p2)", so a reason shared by many projects is said once. */
    static List<String> grouped(List<String> notes) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (String note : notes) {
            int colon = note.indexOf(": ");
            byReason.computeIfAbsent(note.substring(colon + 2), r -> new ArrayList<>()).add(note.substring(0, colon));
        }
        List<String> grouped = new ArrayList<>();
        byReason.forEach((reason, ids) -> grouped.add(ids.size() == 1 ? ids.get(0) + ": " + reason
                : reason + " (" + String.join(", ", ids) + ")"));
        return grouped;
    }

    private static String percent(double share) {
        return Math.round(share * 1000) / 10.0 + " %";
    }

    private static Instant older(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
