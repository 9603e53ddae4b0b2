package dev.ecopulse.npm.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.contract.event.MissingSignal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The signals an observation lacks, by their path in the payload ({@code downloads.lastDay}). A group none of whose
 * signals is there is named once ({@code downloads}) with its reasons.
 */
final class MissingSignals {

    static final List<String> REGISTRY = List.of("latestVersion", "firstReleaseAt", "latestReleaseAt",
            "releaseCount", "releasesLast365Days", "medianDaysBetweenReleases", "daysSinceLatestRelease", "deprecated",
            "license");
    static final List<String> DOWNLOADS = List.of("lastDay", "lastWeek", "lastMonth", "lastYear");
    private static final Map<String, List<String>> GROUPS = Map.of("registry", REGISTRY, "downloads", DOWNLOADS);

    private final Map<String, String> reasons = new LinkedHashMap<>();

    /** The value, or null with the signal noted as missing. */
    <T> T take(String path, Fetched<T> fetched) {
        if (fetched.value() == null) {
            add(path, fetched.missingReason());
        }
        return fetched.value();
    }

    /** A part of a fetched value, or null with the signal noted as missing. */
    <W, T> T take(String path, Fetched<W> fetched, Function<W, T> part) {
        return take(path, fetched.value() == null ? Fetched.missing(fetched.missingReason())
                : Fetched.of(part.apply(fetched.value())));
    }

    /** Every signal of a group missing for one reason. */
    void group(String group, String reason) {
        GROUPS.getOrDefault(group, List.of()).forEach(field -> add(group + "." + field, reason));
        if (!GROUPS.containsKey(group)) {
            add(group, reason);
        }
    }

    /** Whether every signal of the group is missing (the group is then left out of the payload). */
    boolean lacksAll(String group) {
        return GROUPS.get(group).stream().allMatch(f -> reasons.containsKey(group + "." + f));
    }

    void add(String path, String reason) {
        reasons.putIfAbsent(path, reason);
    }

    List<MissingSignal> list() {
        List<MissingSignal> list = new ArrayList<>();
        Set<String> collapsed = new LinkedHashSet<>();
        GROUPS.keySet().stream().filter(this::lacksAll).forEach(collapsed::add);
        Set<String> groupsListed = new LinkedHashSet<>();
        reasons.forEach((path, reason) -> {
            int dot = path.indexOf('.');
            String group = dot < 0 ? path : path.substring(0, dot);
            if (!collapsed.contains(group)) {
                list.add(new MissingSignal(path, reason));
            } else if (groupsListed.add(group)) {
                list.add(new MissingSignal(group, reasonsOf(group)));
            }
        });
        return list;
    }

    private String reasonsOf(String group) {
        Set<String> distinct = new LinkedHashSet<>();
        reasons.forEach((path, reason) -> {
            if (path.startsWith(group + ".")) {
                distinct.add(reason);
            }
        });
        return String.join("; ", distinct);
    }
}
