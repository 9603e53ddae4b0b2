package dev.ecopulse.collector.run;

import dev.ecopulse.contract.event.Observation;
import java.time.Instant;
import java.util.List;

/** A collector's view of the run it is executing. */
public interface RunContext {

    String runId();

    Instant startedAt();

    List<CollectionTarget> targets();

    /** Publishes one observation and waits, bounded in time, for Kafka to take it; throws if it does not. */
    void publish(Observation observation);

    /** A target that produced no observation this run, with the reason. */
    void failed(CollectionTarget target, String reason);

    /** Upstream cost spent (GitHub points, requests), for the run's summary and metrics. */
    void addCost(long units);

    /** What the run is doing now, e.g. waiting for a rate-limit reset; cleared with {@code null}. */
    void status(String activity);

    /** Something that went wrong without stopping the target, kept in the run's error list. */
    void error(String message);
}
