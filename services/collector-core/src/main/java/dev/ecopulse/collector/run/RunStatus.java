package dev.ecopulse.collector.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A run's progress while it runs and its summary after; what {@code GET /api/v1/collect/{runId}} answers. {@code shard}
 * is the part of the catalog this replica collects; {@code total} counts its targets only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunStatus(
        String runId,
        String source,
        Shard shard,
        Trigger trigger,
        State state,
        Instant startedAt,
        Instant finishedAt,
        String unit,
        int total,
        int done,
        int published,
        int failed,
        boolean backfill,
        int seriesPublished,
        long cost,
        String activity,
        String failure,
        List<String> errors) {

    public enum State {
        RUNNING,
        /** Every target was observed and published. */
        SUCCEEDED,
        /** The run finished, but some targets yielded no observation. */
        PARTIAL,
        /** The run stopped early; {@code failure} says why. */
        FAILED
    }

    public enum Trigger {
        STARTUP,
        SCHEDULE,
        API
    }
}
