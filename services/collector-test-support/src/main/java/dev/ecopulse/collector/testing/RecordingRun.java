package dev.ecopulse.collector.testing;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.SeriesObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A run that records what the collector does with it, for tests that drive a collector or observer directly. */
public final class RecordingRun implements RunContext {

    public static final String DEFAULT_RUN_ID = "test-run";

    private final String runId;
    private final List<CollectionTarget> targets;
    public final List<Observation> published = new ArrayList<>();
    public final List<SeriesObservation> series = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> statuses = new ArrayList<>();
    public volatile String status;
    public long cost;
    /** Whether the run reads every subject's past, as {@code POST /api/v1/collect?backfill=true} does. */
    public boolean backfillAll;

    /** A run over no targets, for observers that are handed their subject. */
    public RecordingRun() {
        this(List.of());
    }

    public RecordingRun(List<CollectionTarget> targets) {
        this(DEFAULT_RUN_ID, targets);
    }

    public RecordingRun(String runId, List<CollectionTarget> targets) {
        this.runId = runId;
        this.targets = targets;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public Instant startedAt() {
        return TestTime.START;
    }

    @Override
    public List<CollectionTarget> targets() {
        return targets;
    }

    @Override
    public void publish(Observation observation) {
        published.add(observation);
    }

    @Override
    public void publishSeries(SeriesObservation s) {
        series.add(s);
    }

    @Override
    public boolean backfill(CollectionTarget target) {
        return backfillAll;
    }

    @Override
    public void failed(CollectionTarget target, String reason) {
        errors.add(target.subject() + ": " + reason);
    }

    @Override
    public void addCost(long units) {
        cost += units;
    }

    @Override
    public void status(String activity) {
        statuses.add(activity);
        status = activity;
    }

    @Override
    public void error(String message) {
        errors.add(message);
    }
}
