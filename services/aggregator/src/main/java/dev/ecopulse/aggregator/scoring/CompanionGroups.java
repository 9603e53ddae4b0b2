package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.aggregator.scoring.SubjectValue.Absent;
import dev.ecopulse.aggregator.scoring.SubjectValue.Present;
import dev.ecopulse.contract.catalog.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts an install once: packages the catalog declares companions (installed together, such as {@code jaxlib} with
 * {@code jax}) form one group, and the group's value is the largest of its members' values, since each install of
 * the one pulls the other.
 */
final class CompanionGroups {

    private CompanionGroups() {
    }

    /** {@code values} in the order of {@code inputs}; one value per group comes back. */
    static List<SubjectValue> once(Project project, List<ProjectInputs.Input> inputs, List<SubjectValue> values) {
        if (project.companions().isEmpty()) {
            return values;
        }
        Map<String, List<SubjectValue>> groups = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            SubjectKey key = inputs.get(i).key();
            String group = key.source() + "|" + primary(project, key);
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(values.get(i));
            members.computeIfAbsent(group, g -> new ArrayList<>()).add(key.label());
        }
        List<SubjectValue> once = new ArrayList<>();
        groups.forEach((group, list) -> once.add(list.size() == 1 ? list.get(0) : largest(list, members.get(group))));
        return once;
    }

    private static String primary(Project project, SubjectKey key) {
        for (Map.Entry<String, String> c : project.companions().entrySet()) {
            if (SubjectKey.canonical(key.source(), c.getKey()).equals(key.subject())) {
                return SubjectKey.canonical(key.source(), c.getValue());
            }
        }
        return key.subject();
    }

    private static SubjectValue largest(List<SubjectValue> list, List<String> labels) {
        String together = String.join(" + ", labels) + " are installed together: counted once, as the larger";
        Present best = null;
        Double lastKnown = null;
        List<String> reasons = new ArrayList<>();
        for (SubjectValue v : list) {
            if (v instanceof Present p && (best == null || p.value() > best.value())) {
                best = p;
            } else if (v instanceof Absent a) {
                reasons.add(a.reason());
                if (a.lastKnown() != null && (lastKnown == null || a.lastKnown() > lastKnown)) {
                    lastKnown = a.lastKnown();
                }
            }
        }
        if (best != null) {
            return new Present(best.value(), best.source() + " (" + together + ")", best.observedAt(), best.carried());
        }
        return new Absent(String.join("; ", reasons) + " (" + together + ")", lastKnown);
    }
}
