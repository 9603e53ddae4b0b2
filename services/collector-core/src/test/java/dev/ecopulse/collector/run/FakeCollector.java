package dev.ecopulse.collector.run;

import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.PypiObservation;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A collector that observes three PyPI packages of the catalog without any upstream, can be held open, and sends
 * each package's series (a backfill when the run reads its past) when asked to.
 */
@ApplicationScoped
public class FakeCollector implements Collector {

    static volatile CountDownLatch gate = new CountDownLatch(0);
    static volatile String failOn;
    static volatile Error error;
    static volatile boolean series;

    @Override
    public ObservationSource source() {
        return ObservationSource.PYPI;
    }

    @Override
    public List<CollectionTarget> targets(Catalog catalog) {
        return List.of(new CollectionTarget("torch", "torch"), new CollectionTarget("flax", "flax"),
                new CollectionTarget("optax", "optax"));
    }

    @Override
    public String targetUnit() {
        return "packages";
    }

    @Override
    public void collect(RunContext run) throws InterruptedException {
        if (!gate.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never opened the gate");
        }
        if (error != null) {
            throw error;
        }
        for (CollectionTarget target : run.targets()) {
            run.addCost(2);
            if (target.subject().equals(failOn)) {
                run.failed(target, "upstream answered 502 three times");
                continue;
            }
            run.publish(new PypiObservation(target.projectId(), target.subject(), Instant.now(), run.runId(),
                    SubjectStatus.FOUND, new PypiObservation.Registry("1.0.0", null, null, 3L, null, null, null,
                            null, null, null, null, null, null),
                    null, null, List.of()));
            if (series) {
                LocalDate day = LocalDate.parse("2026-11-27");
                run.publishSeries(new SeriesObservation(target.projectId(), "pypi", target.subject(), Instant.now(),
                        run.runId(), run.backfill(target) ? SeriesObservation.ORIGIN_BACKFILL
                                : SeriesObservation.ORIGIN_COLLECTION,
                        List.of(new SeriesObservation.Flow("downloads", day, day.plusDays(1), 12)), List.of()));
            }
        }
    }
}
