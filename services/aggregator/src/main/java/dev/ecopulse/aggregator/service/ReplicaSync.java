package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.config.ScoresConfig;
import dev.ecopulse.aggregator.repository.FlowRepository;
import dev.ecopulse.aggregator.repository.ObservationRepository;
import dev.ecopulse.aggregator.repository.StoredFlow;
import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.aggregator.scoring.HistorySnapshot;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Brings into this replica's view the observations and flows other replicas stored. Each aggregator replica consumes
 * only its share of the partitions (and an import reaches one replica), but scores (frameworks above all) need every
 * project, so each replica regularly reads what was stored since its last look. What it already has changes nothing; anything new triggers a rescore.
 */
@ApplicationScoped
public class ReplicaSync {

    private static final Logger LOG = Logger.getLogger(ReplicaSync.class);

    private final ObservationRepository observations;
    private final ObservationMemory memory;
    private final FlowRepository flowRepository;
    private final FlowStore flows;
    private final ScoreRefresher refresher;
    private final ScoresConfig config;
    private Instant watermark = Instant.now();
    private Instant flowWatermark = watermark;

    ReplicaSync(ObservationRepository observations, ObservationMemory memory, FlowRepository flowRepository,
            FlowStore flows, ScoreRefresher refresher, ScoresConfig config) {
        this.observations = observations;
        this.memory = memory;
        this.flowRepository = flowRepository;
        this.flows = flows;
        this.refresher = refresher;
        this.config = config;
    }

    @Scheduled(identity = "replica-sync", every = "${ecopulse.scores.replica-sync-interval:30s}",
            delayed = "${ecopulse.scores.replica-sync-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sync() {
        if (!refresher.loaded()) {
            return; // the initial load reads everything anyway
        }
        Instant since = watermark.minus(config.replicaSyncOverlap());
        Instant flowsSince = flowWatermark.minus(config.replicaSyncOverlap());
        int[] added = new int[2];
        try {
            observations.forEachReceivedSince(since, stored -> added[0] += apply(stored));
            flowRepository.forEachStoredSince(flowsSince, stored -> added[1] += apply(stored));
        } catch (RuntimeException e) {
            LOG.warnf("Replica sync skipped, the store did not answer: %s", e.getMessage());
            return;
        }
        if (added[0] > 0 || added[1] > 0) {
            LOG.infof("Picked up %d observations and %d flows stored by other replicas", added[0], added[1]);
        }
    }

    /** 1 if the flow was new to this replica (or had another count). */
    int apply(StoredFlow stored) {
        if (stored.storedAt().isAfter(flowWatermark)) {
            flowWatermark = stored.storedAt();
        }
        try {
            Optional<LocalDate> changed = flows.add(stored);
            changed.ifPresent(refresher::observationsChanged);
            return changed.isPresent() ? 1 : 0;
        } catch (RuntimeException e) {
            LOG.debugf("Stored flow of %s %s cannot be scored: %s", stored.source(), stored.subject(),
                    e.getMessage());
            return 0;
        }
    }

    /** 1 if the observation was new to this replica's history. */
    int apply(StoredObservation stored) {
        if (stored.receivedAt().isAfter(watermark)) {
            watermark = stored.receivedAt();
        }
        try {
            if (memory.apply(stored)) {
                refresher.observationsChanged(HistorySnapshot.day(stored.observedAt()));
                return 1;
            }
        } catch (RuntimeException e) {
            LOG.debugf("Stored observation %s cannot be scored: %s", stored.id(), e.getMessage());
        }
        return 0;
    }
}
