package dev.ecopulse.collector.client.http;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.SeriesObservation;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A run that only remembers what it was told: its cost and the activities announced. */
final class RecordingRun implements RunContext {

    final AtomicLong cost = new AtomicLong();
    final List<String> activities = new CopyOnWriteArrayList<>();
    volatile String activity;

    @Override
    public String runId() {
        return "test-run";
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
        throw new UnsupportedOperationException();
    }

    @Override
    public void failed(CollectionTarget target, String reason) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addCost(long units) {
        cost.addAndGet(units);
    }

    @Override
    public void status(String now) {
        activity = now;
        if (now != null) {
            activities.add(now);
        }
    }

    @Override
    public void error(String message) {
    }

    @Override
    public void publishSeries(SeriesObservation series) {
        throw new UnsupportedOperationException("not used here");
    }

    @Override
    public boolean backfill(CollectionTarget target) {
        return false;
    }
}
