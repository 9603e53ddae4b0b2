package dev.ecopulse.collector.run;

import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.event.ObservationSource;
import java.util.List;

/** What a collector service implements; the shared machinery runs it, tracks it and publishes what it observes. */
public interface Collector {

    ObservationSource source();

    /** What one run observes, from the catalog; one observation is expected per target. */
    List<CollectionTarget> targets(Catalog catalog);

    /** Word for the targets in progress reports, e.g. {@code repositories}. */
    String targetUnit();

    /**
     * Observes every target of {@code run.targets()} and hands each observation to {@link RunContext#publish}. A
     * target that yields no observation is reported with {@link RunContext#failed}. Throwing ends the run as failed.
     */
    void collect(RunContext run) throws Exception;
}
