package dev.ecopulse.collector.run;

import dev.ecopulse.collector.config.CollectConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Starts a run when the service is up and then every {@code ecopulse.collect.interval}. */
@ApplicationScoped
class CollectionScheduler {

    private static final Logger LOG = Logger.getLogger(CollectionScheduler.class);

    private final RunManager runs;
    private final CollectConfig config;

    CollectionScheduler(RunManager runs, CollectConfig config) {
        this.runs = runs;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.onStart()) {
            trigger(RunStatus.Trigger.STARTUP);
        }
    }

    @Scheduled(identity = "collection", every = "${ecopulse.collect.interval:6h}",
            delayed = "${ecopulse.collect.interval:6h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        trigger(RunStatus.Trigger.SCHEDULE);
    }

    private void trigger(RunStatus.Trigger trigger) {
        try {
            runs.start(trigger);
        } catch (RunInProgressException e) {
            LOG.infof("Skipping the %s run: %s", trigger.name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
        }
    }
}
