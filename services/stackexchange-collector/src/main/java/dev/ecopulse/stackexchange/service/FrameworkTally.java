package dev.ecopulse.stackexchange.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.run.CollectionTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One framework's counts as a run gathers them, per tag, and their sums over its tags. A question carrying two of the
 * framework's tags is counted once per tag: the API has no "any of these tags" count, and the overlap would cost a
 * request per pair.
 */
final class FrameworkTally {

    final CollectionTarget target;
    final List<String> tags;
    /** Tags the site does not know (absent from /tags/info): they count zero and are never asked about. */
    final Set<String> unknown;
    private final Map<String, Fetched<Long>> totals = new HashMap<>();
    private final Map<QuestionWindows.Range, Map<String, Fetched<Long>>> counts = new LinkedHashMap<>();

    FrameworkTally(CollectionTarget target, List<String> tags, Set<String> unknown) {
        this.target = target;
        this.tags = List.copyOf(tags);
        this.unknown = Set.copyOf(unknown);
    }

    /** Whether the site knows none of the framework's tags. */
    boolean noneKnown() {
        return !tags.isEmpty() && unknown.containsAll(tags);
    }

    /** The tags worth asking about. */
    List<String> asked() {
        return tags.stream().filter(t -> !unknown.contains(t)).toList();
    }

    void total(String tag, Fetched<Long> count) {
        totals.put(tag, count);
    }

    void count(QuestionWindows.Range range, String tag, Fetched<Long> count) {
        counts.computeIfAbsent(range, r -> new HashMap<>()).put(tag, count);
    }

    Fetched<Long> total() {
        return sum(totals);
    }

    Fetched<Long> sum(QuestionWindows.Range range) {
        return sum(counts.getOrDefault(range, Map.of()));
    }

    /** Whether anything at all was counted for the framework. */
    boolean anything() {
        return total().value() != null || counts.keySet().stream().anyMatch(r -> sum(r).value() != null);
    }

    private Fetched<Long> sum(Map<String, Fetched<Long>> byTag) {
        long sum = 0;
        List<String> reasons = new ArrayList<>();
        for (String tag : tags) {
            if (unknown.contains(tag)) {
                continue;
            }
            Fetched<Long> count = byTag.get(tag);
            if (count == null) {
                reasons.add("not asked for '" + tag + "'");
            } else if (count.value() == null) {
                reasons.add(count.missingReason());
            } else {
                sum += count.value();
            }
        }
        return reasons.isEmpty() ? Fetched.of(sum)
                : Fetched.missing(String.join("; ", reasons.stream().distinct().toList()));
    }
}
