package dev.ecopulse.collector.run;

import dev.ecopulse.collector.config.CollectConfig;
import dev.ecopulse.collector.messaging.ObservationPublisher;
import dev.ecopulse.collector.messaging.PublishException;
import dev.ecopulse.contract.catalog.Catalog;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Runs the collector, one run at a time, and remembers the recent runs for the progress API. Created at start, so a
 * wrong shard setting stops the service then, even when no run starts with it.
 */
@Startup
@ApplicationScoped
public class RunManager {

    private static final Logger LOG = Logger.getLogger(RunManager.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Collector collector;
    private final Catalog catalog;
    private final ObservationPublisher publisher;
    private final RunMetrics metrics;
    private final BackfillLedger ledger;
    private final CollectConfig config;
    private final Shard shard;
    private final Instance<RunListener> listeners;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<CollectionRun> running = new AtomicReference<>();
    private final Deque<CollectionRun> finished = new ArrayDeque<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "collection-run");
        thread.setDaemon(true);
        return thread;
    });

    RunManager(Collector collector, Catalog catalog, ObservationPublisher publisher, RunMetrics metrics,
            BackfillLedger ledger, CollectConfig config, Instance<RunListener> listeners) {
        // a wrong index or count stops the service at start: a replica collecting the wrong part is silent
        this.shard = new Shard(config.shard().index(), config.shard().count());
        this.listeners = listeners;
        this.ledger = ledger;
        this.collector = collector;
        this.catalog = catalog;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
    }

    @PostConstruct
    void registerMetrics() {
        metrics.register(collector.source().id(), config.interval(), shard);
        if (shard.count() > 1) {
            LOG.infof("Shard %s: this replica collects its part of the %s subjects only", shard.describe(),
                collector.source().id());
        }
    }

    public Shard shard() {
        return shard;
    }

    /** Starts a run in the background; throws {@link RunInProgressException} while another one runs. */
    public RunStatus start(RunStatus.Trigger trigger) {
        return start(trigger, false);
    }

    /**
     * The same; with {@code backfill} the run reads what the upstreams keep of every subject's past, not only of the
     * subjects it has not backfilled yet.
     */
    public RunStatus start(RunStatus.Trigger trigger, boolean backfill) {
        String id = collector.source().id() + "-" + ID_TIME.format(clock.instant()) + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        // the one place targets are listed: every collector, its bulk queries included, sees its shard's only
        CollectionRun run = new CollectionRun(id, collector.source().id(), shard, trigger,
                shard.select(collector.targets(catalog)), collector.targetUnit(), publisher::publish,
                publisher::publishSeries, ledger, backfill, clock);
        CollectionRun other = running.compareAndExchange(null, run);
        if (other != null) {
            throw new RunInProgressException(other.runId());
        }
        metrics.started();
        executor.execute(() -> execute(run));
        return run.snapshot();
    }

    private void execute(CollectionRun run) {
        LOG.infof("Run %s started (%s): %d %s, shard %s", run.runId(), run.snapshot().trigger(),
                run.targets().size(), collector.targetUnit(), shard.describe());
        try {
            for (RunListener listener : listeners) {
                listener.starting(run.targets());
            }
            collector.collect(run);
            run.finish();
        } catch (PublishException e) {
            run.fail("publishing to Kafka failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.fail("stopped: the service is shutting down");
        } catch (Throwable e) {
            // an Error too (out of memory, stack overflow): a run that never ends blocks every later run
            LOG.errorf(e, "Run %s failed", run.runId());
            run.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            close(run);
        }
    }

    /** Files the run as finished and frees the slot, whatever happened to it. */
    private void close(CollectionRun run) {
        try {
            if (run.state() == RunStatus.State.RUNNING) {
                run.fail("the run ended without a result");
            }
            synchronized (finished) {
                finished.addFirst(run);
                while (finished.size() > config.history()) {
                    finished.removeLast();
                }
            }
            RunStatus status = run.snapshot();
            metrics.finished(status, Duration.between(status.startedAt(), status.finishedAt()));
            LOG.infof("Run %s %s: %d published, %d series, %d failed, cost %d%s", run.runId(), status.state(),
                    status.published(), status.seriesPublished(), status.failed(), status.cost(),
                    status.failure() == null ? "" : " (" + status.failure() + ")");
            for (RunListener listener : listeners) {
                tell(listener, status);
            }
        } finally {
            running.set(null);
        }
    }

    private static void tell(RunListener listener, RunStatus status) {
        try {
            listener.finished(status);
        } catch (RuntimeException e) {
            LOG.warnf(e, "After run %s: %s failed", status.runId(), listener.getClass().getSimpleName());
        }
    }

    public Optional<RunStatus> find(String runId) {
        CollectionRun current = running.get();
        if (current != null && current.runId().equals(runId)) {
            return Optional.of(current.snapshot());
        }
        synchronized (finished) {
            return finished.stream().filter(r -> r.runId().equals(runId)).findFirst().map(CollectionRun::snapshot);
        }
    }

    /** The running run (if any) first, then the finished ones, newest first. */
    public List<RunStatus> recent() {
        List<RunStatus> runs = new ArrayList<>();
        Optional.ofNullable(running.get()).ifPresent(r -> runs.add(r.snapshot()));
        synchronized (finished) {
            finished.forEach(r -> runs.add(r.snapshot()));
        }
        return runs;
    }

    public Optional<RunStatus> lastFinished() {
        synchronized (finished) {
            return Optional.ofNullable(finished.peekFirst()).map(CollectionRun::snapshot);
        }
    }

    public Optional<RunStatus> current() {
        return Optional.ofNullable(running.get()).map(CollectionRun::snapshot);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
