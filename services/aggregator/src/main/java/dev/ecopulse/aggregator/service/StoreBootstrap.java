package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.repository.LatestObservationRepository;
import dev.ecopulse.aggregator.repository.ObservationRepository;
import dev.ecopulse.aggregator.repository.PublishedScoreRepository;
import dev.ecopulse.aggregator.repository.ScoreHistoryRepository;
import dev.ecopulse.aggregator.repository.ScoreHistoryRepository.SubjectPoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Prepares the store and loads what the aggregator keeps in memory: indexes, the observation history, the latest
 * observations and the last published scores. Idempotent, so a failed attempt is simply run again.
 */
@ApplicationScoped
public class StoreBootstrap {

    private static final Logger LOG = Logger.getLogger(StoreBootstrap.class);

    private final ObservationRepository observations;
    private final LatestObservationRepository latestRepository;
    private final ScoreHistoryRepository scoreHistory;
    private final PublishedScoreRepository published;
    private final ObservationHistory history;
    private final ObservationMemory memory;
    private final LatestObservations latest;
    private final ScoreChanges changes;

    StoreBootstrap(ObservationRepository observations, LatestObservationRepository latestRepository,
            ScoreHistoryRepository scoreHistory, PublishedScoreRepository published, ObservationHistory history,
            ObservationMemory memory, LatestObservations latest, ScoreChanges changes) {
        this.observations = observations;
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
        latestRepository.findAll().forEach(latest::offer);
        changes.load(published.findAll());
        List<SubjectPoint> points = scoreHistory.findAll();
        LOG.infof("Store loaded: %d observations (%d unreadable), %d daily points in memory, %d stored score points",
                counts[0], counts[1], history.size(), points.size());
        return points;
    }
}
