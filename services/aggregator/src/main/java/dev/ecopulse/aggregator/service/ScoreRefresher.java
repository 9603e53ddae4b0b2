package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.config.ScoresConfig;
import dev.ecopulse.aggregator.config.StoreConfig;
import dev.ecopulse.aggregator.repository.ScoreHistoryRepository;
import dev.ecopulse.aggregator.repository.ScoreHistoryRepository.SubjectPoint;
import dev.ecopulse.aggregator.scoring.Evaluation;
import dev.ecopulse.aggregator.scoring.HistorySnapshot;
import dev.ecopulse.aggregator.scoring.Level;
import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.aggregator.scoring.ScorePoint;
import dev.ecopulse.aggregator.scoring.Scoring;
import dev.ecopulse.aggregator.scoring.SubjectScore;
import dev.ecopulse.contract.catalog.Catalog;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps the view in step with the store. At start it loads the store (retrying in the background while the store is
 * unreachable); afterwards it recomputes once a burst of observations has settled, from the earliest day the burst
 * touched, so a late observation rewrites the history it belongs to. Then it saves the changed score history and
 * publishes score changes, retrying later if the store or Kafka is down. Everything runs on one thread.
 */
@ApplicationScoped
public class ScoreRefresher {

    private static final Logger LOG = Logger.getLogger(ScoreRefresher.class);
    static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final Catalog catalog;
    private final Methodology methodology;
    private final ObservationHistory history;
    private final LatestObservations latest;
    private final ScoreView view;
    private final StoreBootstrap bootstrap;
    private final ScoreHistoryRepository scoreHistory;
    private final ScoreChanges changes;
    private final AggregatorMetrics metrics;
    private final ScoresConfig config;
    private final StoreConfig store;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "score-refresh");
        t.setDaemon(true);
        return t;
    });

    // guarded by this
    private LocalDate dirtyFrom;
    private Instant firstChange;
    private Instant lastChange;
    private boolean scheduled;
    private boolean loaded;

    // refresh thread only
    private final Map<String, ScorePoint> saved = new HashMap<>();
    private final Map<String, SubjectPoint> unsaved = new LinkedHashMap<>();
    private HistorySnapshot snapshot = HistorySnapshot.empty();
    private Duration retryDelay;
    private boolean retryScheduled;

    ScoreRefresher(Catalog catalog, Methodology methodology, ObservationHistory history, LatestObservations latest,
            ScoreView view, StoreBootstrap bootstrap, ScoreHistoryRepository scoreHistory, ScoreChanges changes,
            AggregatorMetrics metrics, ScoresConfig config, StoreConfig store) {
        this.catalog = catalog;
        this.methodology = methodology;
        this.history = history;
        this.latest = latest;
        this.view = view;
        this.bootstrap = bootstrap;
        this.scoreHistory = scoreHistory;
        this.changes = changes;
        this.metrics = metrics;
        this.config = config;
        this.store = store;
        this.retryDelay = store.retryInitialDelay();
    }

    void start(@Observes StartupEvent start) {
        executor.execute(this::load);
    }

    void stop(@Observes ShutdownEvent stop) {
        executor.shutdownNow();
    }

    public synchronized boolean loaded() {
        return loaded;
    }

    /** An observation of {@code day} was stored: schedule a refresh once the stream settles. */
    public synchronized void observationsChanged(LocalDate day) {
        dirtyFrom = dirtyFrom == null || day.isBefore(dirtyFrom) ? day : dirtyFrom;
        lastChange = Instant.now();
        firstChange = firstChange == null ? lastChange : firstChange;
        if (loaded && !scheduled) {
            scheduled = true;
            executor.schedule(this::refreshWhenSettled, config.refreshQuietPeriod().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void load() {
        try {
            bootstrap.load().forEach(p -> saved.put(p.key(), p.point()));
        } catch (RuntimeException e) {
            LOG.warnf("Cannot load the store yet (%s); trying again in %d ms", e.getMessage(),
                    retryDelay.toMillis());
            executor.schedule(this::load, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
            backOff();
            return;
        }
        retryDelay = store.retryInitialDelay();
        LocalDate from;
        synchronized (this) {
            loaded = true;
            from = dirtyFrom;
            dirtyFrom = null;
            firstChange = null;
        }
        // everything ingested so far is in the history, so one pass from its first day covers it
        LocalDate first = history.snapshot().days().stream().findFirst().orElse(from);
        recompute(first);
        flush();
    }

    private void refreshWhenSettled() {
        LocalDate from;
        synchronized (this) {
            Instant now = Instant.now();
            Duration quiet = Duration.between(lastChange, now);
            Duration pending = Duration.between(firstChange, now);
            if (quiet.compareTo(config.refreshQuietPeriod()) < 0 && pending.compareTo(config.refreshMaxDelay()) < 0) {
                Duration wait = config.refreshQuietPeriod().minus(quiet);
                executor.schedule(this::refreshWhenSettled, Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
                return;
            }
            from = dirtyFrom;
            dirtyFrom = null;
            firstChange = null;
            scheduled = false;
        }
        try {
            recompute(from);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Scores could not be recomputed");
            return;
        }
        flush();
    }

    /** Recomputes the current scores and every day of history from {@code from} on, and installs the view. */
    private void recompute(LocalDate from) {
        metrics.scoringTimer().record(() -> {
            snapshot = history.snapshot();
            Evaluation current = Scoring.evaluate(catalog, methodology, snapshot, END_OF_TIME);
            Map<String, NavigableMap<LocalDate, ScorePoint>> frameworkHistory = new HashMap<>();
            view.state().ifPresent(s -> s.frameworkHistory().forEach((id, days) ->
                    frameworkHistory.put(id, new TreeMap<>(days))));
            if (from != null) {
                LocalDate last = snapshot.days().isEmpty() ? null : snapshot.days().last();
                for (LocalDate day : snapshot.days().tailSet(from, true)) {
                    Evaluation e = day.equals(last) ? current : Scoring.evaluate(catalog, methodology, snapshot,
                            day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1));
                    record(day, e, frameworkHistory);
                }
            }
            view.install(current, frameworkHistory, latest.byProject());
        });
    }

    private void record(LocalDate day, Evaluation e, Map<String, NavigableMap<LocalDate, ScorePoint>> frameworks) {
        for (SubjectScore s : e.frameworks().values()) {
            ScorePoint p = ScorePoint.of(day, s);
            frameworks.computeIfAbsent(s.id(), id -> new TreeMap<>()).put(day, p);
            keep(new SubjectPoint(Level.FRAMEWORK, s.id(), p));
        }
        for (SubjectScore s : e.projects().values()) {
            keep(new SubjectPoint(Level.PROJECT, s.id(), ScorePoint.of(day, s)));
        }
    }

    private void keep(SubjectPoint p) {
        if (p.point().maturity() != null && !p.point().equals(saved.get(p.key()))) {
            unsaved.put(p.key(), p);
        }
    }

    /** Saves the changed score history and publishes score changes; on failure, tries again later. */
    private void flush() {
        try {
            if (!unsaved.isEmpty()) {
                scoreHistory.saveAll(unsaved.values());
                unsaved.values().forEach(p -> saved.put(p.key(), p.point()));
                unsaved.clear();
            }
            view.state().ifPresent(s -> changes.publish(s.current(), snapshot));
            retryDelay = store.retryInitialDelay();
        } catch (RuntimeException e) {
            LOG.warnf("Cannot save score history or publish score changes yet (%s); trying again in %d ms",
                    e.getMessage(), retryDelay.toMillis());
            if (!retryScheduled) {
                retryScheduled = true;
                executor.schedule(() -> {
                    retryScheduled = false;
                    flush();
                }, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
            }
            backOff();
        }
    }

    private void backOff() {
        Duration doubled = retryDelay.multipliedBy(2);
        retryDelay = doubled.compareTo(store.retryMaxDelay()) > 0 ? store.retryMaxDelay() : doubled;
    }
}
