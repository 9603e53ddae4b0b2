package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.repository.FlowRepository;
import dev.ecopulse.aggregator.repository.LatestObservationRepository;
import dev.ecopulse.aggregator.repository.ObservationRepository;
import dev.ecopulse.aggregator.repository.PublishedScoreRepository;
import dev.ecopulse.aggregator.repository.ScoreHistoryRepository;
import dev.ecopulse.aggregator.repository.ScoreHistoryRepository.SubjectPoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Prepares the store and loads what the aggregator keeps in memory: indexes, the observation history, the flows, the
 * latest observations and the last published scores. Idempotent, so a failed attempt is simply run again.
 */
@ApplicationScoped
public class StoreBootstrap {

    private static final Logger LOG = Logger.getLogger(StoreBootstrap.class);

    private final ObservationRepository observations;
    private final FlowRepository flowRepository;
    private final FlowStore flows;
    private final LatestObservationRepository latestRepository;
    private final ScoreHistoryRepository scoreHistory;
    private final PublishedScoreRepository published;
    private final ObservationHistory history;
    private final ObservationMemory memory;
    private final LatestObservations latest;
    private final ScoreChanges changes;

    StoreBootstrap(ObservationRepository observations, FlowRepository flowRepository, FlowStore flows,
            LatestObservationRepository latestRepository, ScoreHistoryRepository scoreHistory,
            PublishedScoreRepository published, ObservationHistory history, ObservationMemory memory,
            LatestObservations latest, ScoreChanges changes) {
        this.observations = observations;
        this.flowRepository = flowRepository;
        this.flows = flows;
        this.latestRepository = latestRepository;
        this.scoreHistory = scoreHistory;
        this.published = published;
        this.history = history;
        this.memory = memory;
        this.latest = latest;
        this.changes = changes;
    }

    /** Creates the indexes and loads the store into memory; returns the score history stored so far. */
    public List<SubjectPoint> load() {
        observations.createIndexes();
        latestRepository.createIndexes();
        scoreHistory.createIndexes();
        flowRepository.createIndexes();
        long[] counts = new long[2];
        observations.forEach(stored -> {
            counts[0]++;
            try {
                memory.apply(stored);
            } catch (RuntimeException e) {
                counts[1]++;
                LOG.warnf("Stored observation %s cannot be scored: %s", stored.id(), e.getMessage());
            }
        });
        long[] flowCounts = new long[1];
        flowRepository.forEach(stored -> {
            try {
                flows.add(stored);
            } catch (RuntimeException e) {
                flowCounts[0]++;
                LOG.warnf("Stored flow of %s %s cannot be scored: %s", stored.source(), stored.subject(),
                        e.getMessage());
            }
        });
        latestRepository.findAll().forEach(latest::offer);
        changes.load(published.findAll());
        List<SubjectPoint> points = scoreHistory.findAll();
        LOG.infof("Store loaded: %d observations (%d unreadable), %d daily points in memory, %d flows (%d unreadable), %d"
                + " stored score points", counts[0], counts[1], history.size(), flows.size(), flowCounts[0],
                points.size());
        return points;
    }
}
