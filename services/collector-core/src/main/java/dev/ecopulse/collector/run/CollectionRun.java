package dev.ecopulse.collector.run;

import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.SeriesObservation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The live state of one run, updated by the collector's thread and read by progress requests. */
final class CollectionRun implements RunContext {

    static final int MAX_ERRORS = 50;

    private final String runId;
    private final String source;
    private final Shard shard;
    private final RunStatus.Trigger trigger;
    private final Instant startedAt;
    private final List<CollectionTarget> targets;
    private final String unit;
    private final Consumer<Observation> publisher;
    private final Consumer<SeriesObservation> seriesPublisher;
    private final BackfillLedger ledger;
    private final boolean backfillAll;
    private final Clock clock;
    private final Set<CollectionTarget> doneTargets = Collections.synchronizedSet(new HashSet<>());
    private final AtomicInteger published = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger seriesPublished = new AtomicInteger();
    private final AtomicLong cost = new AtomicLong();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private volatile String activity;
    private volatile RunStatus.State state = RunStatus.State.RUNNING;
    private volatile Instant finishedAt;
    private volatile String failure;

    CollectionRun(String runId, String source, Shard shard, RunStatus.Trigger trigger, List<CollectionTarget> targets,
            String unit, Consumer<Observation> publisher, Consumer<SeriesObservation> seriesPublisher,
            BackfillLedger ledger, boolean backfillAll, Clock clock) {
        this.runId = runId;
        this.source = source;
        this.shard = shard;
        this.trigger = trigger;
        this.targets = List.copyOf(targets);
        this.unit = unit;
        this.publisher = publisher;
        this.seriesPublisher = seriesPublisher;
        this.ledger = ledger;
        this.backfillAll = backfillAll;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public List<CollectionTarget> targets() {
        return targets;
    }

    @Override
    public void publish(Observation observation) {
        publisher.accept(observation);
        published.incrementAndGet();
        doneTargets.add(new CollectionTarget(observation.projectId(), observation.subject()));
    }

    @Override
    public void publishSeries(SeriesObservation series) {
        seriesPublisher.accept(series);
        seriesPublished.incrementAndGet();
        if (SeriesObservation.ORIGIN_BACKFILL.equals(series.origin())) {
            ledger.record(new CollectionTarget(series.projectId(), series.subject()));
        }
    }

    @Override
    public boolean backfill(CollectionTarget target) {
        return backfillAll || ledger.needs(target);
    }

    @Override
    public void failed(CollectionTarget target, String reason) {
        if (doneTargets.add(target)) {
            failed.incrementAndGet();
        }
        error(target.projectId() + " " + target.subject() + ": " + reason);
    }

    @Override
    public void addCost(long units) {
        cost.addAndGet(units);
    }

    @Override
    public void status(String activity) {
        this.activity = activity;
    }

    @Override
    public void error(String message) {
        synchronized (errors) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(message);
            }
        }
    }

    void finish() {
        countUnfinished();
        end(failed.get() == 0 ? RunStatus.State.SUCCEEDED : RunStatus.State.PARTIAL, null);
    }

    void fail(String reason) {
        countUnfinished();
        end(RunStatus.State.FAILED, reason);
    }

    /** Targets the collector neither published nor reported count as failed. */
    private void countUnfinished() {
        int missing = targets.size() - doneTargets.size();
        if (missing > 0) {
            failed.addAndGet(missing);
            error(missing + " " + unit + " yielded no observation");
        }
    }

    private void end(RunStatus.State state, String failure) {
        this.failure = failure;
        this.activity = null;
        this.finishedAt = clock.instant();
        this.state = state;
    }

    RunStatus.State state() {
        return state;
    }

    RunStatus snapshot() {
        List<String> errorsNow;
        synchronized (errors) {
            errorsNow = List.copyOf(errors);
        }
        return new RunStatus(runId, source, shard, trigger, state, startedAt, finishedAt, unit, targets.size(),
                Math.min(doneTargets.size(), targets.size()), published.get(), failed.get(), backfillAll,
                seriesPublished.get(), cost.get(), activity,
                failure, errorsNow);
    }
}
