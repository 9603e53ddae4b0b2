package dev.ecopulse.aggregator.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much each project weighs in its framework's medians, means and data shares: its attribution share times its
 * adoption, measured by its 30-day downloads. A project without a download count (a JVM-only library, or one whose
 * count is missing) weighs as much as the framework's median project with one, so it is neither the core nor nothing.
 */
final class AdoptionWeights {

    private AdoptionWeights() {
    }

    static Map<String, Double> of(Map<String, ProjectEvidence> projects, Map<String, Double> attribution) {
        List<Double> known = new ArrayList<>();
        projects.values().forEach(e -> e.signals().reading(Signal.DOWNLOADS_30D).ifPresent(r -> known.add(r.value())));
        double typical = known.isEmpty() ? 1 : Aggregate.MEDIAN.apply(known);
        Map<String, Double> weights = new LinkedHashMap<>();
        projects.forEach((id, e) -> weights.put(id, attribution.get(id) * (1 + e.signals()
                .reading(Signal.DOWNLOADS_30D).map(Reading::value).orElse(typical))));
        return weights;
    }
}
