package dev.ecopulse.huggingface.support;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.SeriesObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A run that records what the collector does with it. */
public final class RecordingRun implements RunContext {
    private final List<CollectionTarget> targets;
    public final List<Observation> published = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> statuses = new ArrayList<>();
    public volatile String status;
    public long cost;

    public RecordingRun(List<CollectionTarget> targets) {
        this.targets = targets;
    }

    @Override
    public String runId() {
        return "huggingface-test-run";
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

    public final List<SeriesObservation> series = new ArrayList<>();
    public boolean backfillAll;

    @Override
    public void publishSeries(SeriesObservation s) {
        series.add(s);
    }

    @Override
    public boolean backfill(CollectionTarget target) {
        return backfillAll;
    }
}
