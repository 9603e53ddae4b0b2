package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.aggregator.scoring.SubjectKey;
import dev.ecopulse.contract.event.ObservationSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The latest observation of every subject, in memory, as the API shows it; an older one never replaces a newer. */
@ApplicationScoped
public class LatestObservations {

    private static final Comparator<StoredObservation> RECENCY = Comparator.comparing(StoredObservation::observedAt)
            .thenComparing(StoredObservation::id);

    private final Map<SubjectKey, StoredObservation> latest = new ConcurrentHashMap<>();

    public void offer(StoredObservation o) {
        SubjectKey key = new SubjectKey(o.projectId(), ObservationSource.fromId(o.source()).orElseThrow(),
                o.subject());
        latest.merge(key, o, (current, candidate) -> RECENCY.compare(candidate, current) > 0 ? candidate : current);
    }

    /** Per project, its subjects' latest observations ordered by source and subject. */
    public Map<String, List<StoredObservation>> byProject() {
        return latest.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .collect(Collectors.groupingBy(e -> e.getKey().projectId(),
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
