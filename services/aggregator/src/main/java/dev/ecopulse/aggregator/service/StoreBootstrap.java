package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.config.ScoresConfig;
import dev.ecopulse.aggregator.repository.FlowRepository;
import dev.ecopulse.aggregator.repository.LatestObservationRepository;
import dev.ecopulse.aggregator.repository.ObservationRepository;
import dev.ecopulse.aggregator.repository.ScoreHistoryRepository;
import dev.ecopulse.aggregator.repository.ScoreHistoryRepository.SubjectPoint;
import dev.ecopulse.aggregator.repository.ScoringStateRepository;
import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.aggregator.scoring.HistorySnapshot;
import dev.ecopulse.aggregator.scoring.Level;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Prepares the store and loads what the aggregator keeps in memory: indexes, the days of observation history and
 * flows scoring reads (the {@link HistoryWindow}), every subject's latest observation, the frameworks' score history,
 * and the recent days of the projects' score history. Older history stays in the store. The last published scores are
 * read by {@link ScoreChanges} when this replica gains the score-change lease, not here. Idempotent, so a failed
 * attempt is simply run again.
 */
@ApplicationScoped
public class StoreBootstrap {

    private static final Logger LOG = Logger.getLogger(StoreBootstrap.class);
    private static final LocalDate FAR_FUTURE = LocalDate.of(9999, 12, 31);

    private final ObservationRepository observations;
    private final FlowRepository flowRepository;
    private final FlowStore flows;
    private final LatestObservationRepository latestRepository;
    private final ScoreHistoryRepository scoreHistory;
    private final ScoringStateRepository scoringState;
    private final ObservationHistory history;
    private final ObservationMemory memory;
    private final HistoryWindow window;
    private final ScoresConfig config;

    StoreBootstrap(ObservationRepository observations, FlowRepository flowRepository, FlowStore flows,
            LatestObservationRepository latestRepository, ScoreHistoryRepository scoreHistory,
            ScoringStateRepository scoringState, ObservationHistory history, ObservationMemory memory,
            HistoryWindow window, ScoresConfig config) {
        this.observations = observations;
        this.flowRepository = flowRepository;
        this.flows = flows;
        this.latestRepository = latestRepository;
        this.scoreHistory = scoreHistory;
        this.scoringState = scoringState;
        this.history = history;
        this.memory = memory;
        this.window = window;
        this.config = config;
    }

    /**
     * What a start brings back besides the memory it fills: the score points already saved for the days held, the
     * frameworks' whole score history (for the view), and the first day stored data changed after the score history
     * was last brought up to date (empty when nothing did).
     */
    public record Loaded(List<SubjectPoint> saved, List<SubjectPoint> frameworkHistory, Optional<LocalDate> dirtyFrom) {
    }

    /** Creates the indexes and loads what is held in memory. */
    public Loaded load() {
        observations.createIndexes();
        latestRepository.createIndexes();
        scoreHistory.createIndexes();
        flowRepository.createIndexes();
        Optional<LocalDate> newest = Stream.of(observations.newestObservedAt().map(HistorySnapshot::day),
                flowRepository.latestEnd().map(d -> d.minusDays(1))).flatMap(Optional::stream)
                .max(LocalDate::compareTo);
        LocalDate heldFrom = newest.map(window::heldFrom).orElse(null);
        if (heldFrom != null) {
            history.keepFrom(heldFrom);
        }
        long[] counts = new long[3];
        // every subject's latest observation first: it is held however old it is
        latestRepository.findAll().forEach(stored -> apply(stored, counts));
        Instant from = heldFrom == null ? Instant.EPOCH : heldFrom.atStartOfDay().toInstant(ZoneOffset.UTC);
        observations.forEachObservedBetween(from, Instant.parse("9999-12-31T23:59:59Z"), s -> apply(s, counts));
        long[] flowCounts = new long[1];
        flowRepository.forEachOverlapping(heldFrom == null ? LocalDate.EPOCH : heldFrom, FAR_FUTURE, stored -> {
            try {
                flows.add(stored);
            } catch (RuntimeException e) {
                flowCounts[0]++;
                LOG.warnf("Stored flow of %s %s cannot be scored: %s", stored.source(), stored.subject(),
                        e.getMessage());
            }
        });
        List<SubjectPoint> saved = new ArrayList<>();
        scoreHistory.forEachFrom(heldFrom == null ? LocalDate.EPOCH : heldFrom, saved::add);
        List<SubjectPoint> frameworks = scoreHistory.findByLevel(Level.FRAMEWORK);
        Optional<LocalDate> dirtyFrom = dirtyFrom();
        LOG.infof("Store loaded from %s on: %d observations (%d unreadable), %d daily points in memory, %d flows"
                + " (%d unreadable), %d recent score points, %d framework score points; history to rescore from %s",
                heldFrom == null ? "the first day" : heldFrom, counts[0], counts[1], history.size(), flows.size(),
                flowCounts[0], saved.size(), frameworks.size(), dirtyFrom.map(Object::toString).orElse("nowhere"));
        return new Loaded(saved, frameworks, dirtyFrom);
    }

    private void apply(StoredObservation stored, long[] counts) {
        counts[0]++;
        try {
            memory.apply(stored);
        } catch (RuntimeException e) {
            counts[1]++;
            LOG.warnf("Stored observation %s cannot be scored: %s", stored.id(), e.getMessage());
        }
    }

    /**
     * The first day of what was stored after the score history was last marked up to date, looking back by the
     * replicas' sync lag; the first day of everything on a store never marked.
     */
    private Optional<LocalDate> dirtyFrom() {
        Instant since = scoringState.scoredBefore()
                .map(t -> t.minus(config.replicaSyncInterval()).minus(config.replicaSyncOverlap()))
                .orElse(Instant.EPOCH);
        return Stream.of(observations.earliestObservedReceivedSince(since).map(HistorySnapshot::day),
                flowRepository.earliestDayStoredSince(since)).flatMap(Optional::stream).min(LocalDate::compareTo);
    }
}
