package dev.ecopulse.pypi.service;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.Collector;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.PackageNames;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.pypi.config.PypistatsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Observes every PyPI package of the catalog, one after the other, and publishes one observation per package and,
 * for a package PyPI knows, one series of its dated flows (a backfill when the run reads its past).
 */
@ApplicationScoped
public class PypiCollector implements Collector {

    private static final Logger LOG = Logger.getLogger(PypiCollector.class);

    private final PackageObserver observer;
    private final PypistatsConfig pypistats;

    PypiCollector(PackageObserver observer, PypistatsConfig pypistats) {
        this.observer = observer;
        this.pypistats = pypistats;
    }

    @Override
    public ObservationSource source() {
        return ObservationSource.PYPI;
    }

    /** One target per package of each project, by its PEP 503 name, in catalog order. */
    @Override
    public List<CollectionTarget> targets(Catalog catalog) {
        Set<CollectionTarget> targets = new LinkedHashSet<>();
        for (Project project : catalog.projects()) {
            for (String name : project.pypi()) {
                targets.add(new CollectionTarget(project.id(), PackageNames.normalise(name)));
            }
        }
        return new ArrayList<>(targets);
    }

    @Override
    public String targetUnit() {
        return "packages";
    }

    @Override
    public void collect(RunContext run) throws InterruptedException {
        List<CollectionTarget> targets = run.targets();
        int throttledInARow = 0;
        try {
            for (int i = 0; i < targets.size(); i++) {
                CollectionTarget target = targets.get(i);
                run.status("observing " + target.subject() + " (" + (i + 1) + " of " + targets.size() + ")");
                String skip = throttledInARow >= pypistats.skipAfterThrottledPackages()
                        ? "not asked: pypistats kept answering 429 earlier in this run" : null;
                PackageObserver.Outcome outcome;
                try {
                    outcome = observer.observe(target, run, skip);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Observing %s of %s failed", target.subject(), target.projectId());
                    run.failed(target, "unexpected error: " + e);
                    continue;
                }
                outcome.problems().forEach(problem -> run.error(target.subject() + ": " + problem));
                if (skip == null) {
                    throttledInARow = outcome.downloadsThrottled() ? throttledInARow + 1 : 0;
                    if (throttledInARow == pypistats.skipAfterThrottledPackages()) {
                        LOG.warnf("pypistats kept answering 429 for %d packages in a row; the rest of run %s"
                                + " goes without downloads", throttledInARow, run.runId());
                        run.error("pypistats kept answering 429 for " + throttledInARow
                                + " packages in a row; the remaining packages were observed without downloads");
                    }
                }
                if (outcome.observation() != null) {
                    run.publish(outcome.observation());
                    if (outcome.series() != null) {
                        run.publishSeries(outcome.series());
                    }
                } else {
                    run.failed(target, outcome.failure());
                }
            }
        } finally {
            run.status(null);
        }
    }
}
