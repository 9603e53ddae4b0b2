package dev.ecopulse.maven.service;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.Collector;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.maven.client.Coordinate;
import dev.ecopulse.contract.time.TimeSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The Maven collector: one observation per Maven coordinate of each catalog project, per run, and for an artifact
 * Central knows one series of its release windows (a backfill when the run reads its past).
 */
@ApplicationScoped
public class MavenCollector implements Collector {

    private static final Logger LOG = Logger.getLogger(MavenCollector.class);

    private final ArtifactObserver observer;
    private final TimeSource time;

    MavenCollector(ArtifactObserver observer, TimeSource time) {
        this.observer = observer;
        this.time = time;
    }

    @Override
    public ObservationSource source() {
        return ObservationSource.MAVEN;
    }

    @Override
    public List<CollectionTarget> targets(Catalog catalog) {
        return catalog.projects().stream()
                .flatMap(p -> p.maven().stream().map(coordinate -> new CollectionTarget(p.id(), coordinate)))
                .toList();
    }

    @Override
    public String targetUnit() {
        return "artifacts";
    }

    @Override
    public void collect(RunContext run) throws InterruptedException {
        for (CollectionTarget target : run.targets()) {
            ArtifactObserver.Observed observed;
            try {
                observed = observer.observe(target.projectId(), Coordinate.parse(target.subject()), time.now(),
                        run);
            } catch (RuntimeException e) {
                // one artifact's surprise must not cost the others their observation
                LOG.errorf(e, "Observing %s failed", target.subject());
                observed = new ArtifactObserver.Observed(null, "unexpected " + e.getClass().getSimpleName() + ": "
                        + e.getMessage(), List.of(), null);
            }
            if (observed.observation() == null) {
                run.failed(target, observed.failure());
                continue;
            }
            observed.problems().forEach(p -> run.error(target.subject() + ": " + p));
            run.publish(observed.observation());
            if (observed.series() != null) {
                run.publishSeries(observed.series());
            }
            LOG.debugf("Observed %s (%s): %d signals missing", target.subject(), observed.observation().status(),
                    observed.observation().missing().size());
        }
    }
}
