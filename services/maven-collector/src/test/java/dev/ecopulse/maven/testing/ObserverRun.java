package dev.ecopulse.maven.testing;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.SeriesObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The run an observer is handed in tests: it keeps the cost and every activity announced, nothing else. */
public final class ObserverRun implements RunContext {

    public final List<String> activity = new ArrayList<>();
    public volatile String now;
    public long cost;

    @Override
    public String runId() {
        return "run-1";
    }

    @Override
    public Instant startedAt() {
        return Instant.EPOCH;
    }

    @Override
    public List<CollectionTarget> targets() {
        return List.of();
    }

    @Override
    public void publish(Observation observation) {
        throw new UnsupportedOperationException("observers do not publish");
    }

    @Override
    public void failed(CollectionTarget target, String reason) {
        throw new UnsupportedOperationException("observers do not fail targets");
    }

    @Override
    public void addCost(long units) {
        cost += units;
    }

    @Override
    public void status(String activityNow) {
        activity.add(activityNow);
        now = activityNow;
    }

    @Override
    public void error(String message) {
    }

    /** Whether the run reads every subject's past, as {@code POST /api/v1/collect?backfill=true} does. */
    public boolean backfillAll;

    @Override
    public void publishSeries(SeriesObservation series) {
        throw new UnsupportedOperationException("observers do not publish");
    }

    @Override
    public boolean backfill(CollectionTarget target) {
        return backfillAll;
    }
}
