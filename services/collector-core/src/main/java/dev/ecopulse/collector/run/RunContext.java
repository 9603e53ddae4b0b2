package dev.ecopulse.collector.run;

import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.SeriesObservation;
import java.time.Instant;
import java.util.List;

/** A collector's view of the run it is executing. */
public interface RunContext {

    String runId();

    Instant startedAt();

    List<CollectionTarget> targets();

    /** Publishes one observation and waits, bounded in time, for Kafka to take it; throws if it does not. */
    void publish(Observation observation);

    /**
     * Publishes a subject's dated flows (recent windows every run, or a backfill) and waits like {@link #publish};
     * a backfill marks the subject as backfilled so later runs read only the recent windows.
     */
    void publishSeries(SeriesObservation series);

    /**
     * Whether to read what the upstream keeps of the target's past this run: true when this service has not
     * backfilled the subject yet or the run was started with {@code backfill=true}.
     */
    boolean backfill(CollectionTarget target);

    /** A target that produced no observation this run, with the reason. */
    void failed(CollectionTarget target, String reason);

    /** Upstream cost spent (GitHub points, requests), for the run's summary and metrics. */
    void addCost(long units);

    /** What the run is doing now, e.g. waiting for a rate-limit reset; cleared with {@code null}. */
    void status(String activity);

    /** Something that went wrong without stopping the target, kept in the run's error list. */
    void error(String message);
}
