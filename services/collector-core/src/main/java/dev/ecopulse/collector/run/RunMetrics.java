package dev.ecopulse.collector.run;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run metrics: runs by outcome, duration, targets published and failed, upstream cost, last success, running, and the
 * replica's shard.
 */
@ApplicationScoped
public class RunMetrics {

    private final MeterRegistry registry;
    private final AtomicLong lastSuccessEpochSeconds = new AtomicLong();
    private final AtomicLong lastPublished = new AtomicLong();
    private final AtomicLong lastFailed = new AtomicLong();
    private final AtomicLong lastCost = new AtomicLong();
    private final AtomicLong running = new AtomicLong();
    private String source;

    RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the gauges once the collector's source is known. */
    void register(String source, Duration interval, Shard shard) {
        this.source = source;
        // which part of the catalog this replica's runs cover; the run metrics below count that part only
        Gauge.builder("ecopulse.collector.shard.index", shard, Shard::index)
                .description("This replica's shard, from 0 to ecopulse_collector_shard_count - 1")
                .tag("source", source).register(registry);
        Gauge.builder("ecopulse.collector.shard.count", shard, Shard::count)
                .description("Replicas sharing the catalog (ecopulse.collect.shard.count)")
                .tag("source", source).register(registry);
        // lets alerts speak of "two intervals" whatever ecopulse.collect.interval is
        Gauge.builder("ecopulse.collector.interval", interval, Duration::toSeconds).baseUnit("seconds")
                .description("Time between scheduled collection runs").tag("source", source).register(registry);
        Gauge.builder("ecopulse.collector.last.success.timestamp", lastSuccessEpochSeconds, AtomicLong::get)
                .baseUnit("seconds").description("End of the last run that published every target (0: none yet)")
                .tag("source", source).register(registry);
        Gauge.builder("ecopulse.collector.last.run.targets", lastPublished, AtomicLong::get)
                .description("Targets of the last finished run, by result").tags("source", source, "result", "published")
                .register(registry);
        Gauge.builder("ecopulse.collector.last.run.targets", lastFailed, AtomicLong::get)
                .description("Targets of the last finished run, by result").tags("source", source, "result", "failed")
                .register(registry);
        Gauge.builder("ecopulse.collector.last.run.cost", lastCost, AtomicLong::get)
                .description("Upstream cost of the last finished run (GitHub points or requests)")
                .tag("source", source).register(registry);
        Gauge.builder("ecopulse.collector.running", running, AtomicLong::get)
                .description("1 while a collection run is in progress").tag("source", source).register(registry);
    }

    void started() {
        running.set(1);
    }

    void finished(RunStatus run, Duration took) {
        running.set(0);
        String state = run.state().name().toLowerCase(java.util.Locale.ROOT);
        registry.counter("ecopulse.collector.runs", "source", source, "state", state).increment();
        Timer.builder("ecopulse.collector.run.duration").tags("source", source, "state", state)
                .register(registry).record(took);
        registry.counter("ecopulse.collector.targets", "source", source, "result", "published")
                .increment(run.published());
        registry.counter("ecopulse.collector.targets", "source", source, "result", "failed").increment(run.failed());
        registry.counter("ecopulse.collector.cost", "source", source).increment(run.cost());
        lastPublished.set(run.published());
        lastFailed.set(run.failed());
        lastCost.set(run.cost());
        if (run.state() == RunStatus.State.SUCCEEDED) {
            lastSuccessEpochSeconds.set(run.finishedAt().getEpochSecond());
        }
    }
}
