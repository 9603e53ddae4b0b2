package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.config.ScoresConfig;
import dev.ecopulse.aggregator.config.StoreConfig;
import dev.ecopulse.aggregator.repository.ScoreHistoryRepository;
import dev.ecopulse.aggregator.repository.ScoreHistoryRepository.SubjectPoint;
import dev.ecopulse.aggregator.repository.ScoringStateRepository;
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
    private static final int SAVE_BATCH = 10_000;

    private final Catalog catalog;
    private final Methodology methodology;
    private final ObservationHistory history;
    private final LatestObservations latest;
    private final ScoreView view;
    private final StoreBootstrap bootstrap;
    private final HistoryWindow window;
    private final ScoringStateRepository scoringState;
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
    private final Map<String, NavigableMap<LocalDate, ScorePoint>> frameworkHistory = new HashMap<>();
    private HistorySnapshot snapshot = HistorySnapshot.empty();
    private Duration retryDelay;
    private boolean retryScheduled;

    ScoreRefresher(Catalog catalog, Methodology methodology, ObservationHistory history, LatestObservations latest,
            ScoreView view, StoreBootstrap bootstrap, HistoryWindow window, ScoringStateRepository scoringState,
            ScoreHistoryRepository scoreHistory, ScoreChanges changes, AggregatorMetrics metrics, ScoresConfig config,
            StoreConfig store) {
        this.window = window;
        this.scoringState = scoringState;
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
        StoreBootstrap.Loaded loaded;
        try {
            loaded = bootstrap.load();
        } catch (RuntimeException e) {
            LOG.warnf("Cannot load the store yet (%s); trying again in %d ms", e.getMessage(),
                    retryDelay.toMillis());
            executor.schedule(this::load, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
            backOff();
            return;
        }
        loaded.saved().forEach(p -> saved.put(p.key(), p.point()));
        loaded.frameworkHistory().forEach(p -> frameworkHistory.computeIfAbsent(p.subjectId(), id -> new TreeMap<>())
                .put(p.point().date(), p.point()));
        retryDelay = store.retryInitialDelay();
        LocalDate from;
        synchronized (this) {
            this.loaded = true;
            from = earlier(dirtyFrom, loaded.dirtyFrom().orElse(null));
            dirtyFrom = null;
            firstChange = null;
        }
        // ingested since the start or stored after the score history was last brought up to date: one pass covers both
        refresh(from);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
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
        refresh(from);
    }

    /** Recomputes from {@code from} and saves; when the store fails midway, the same days are tried again later. */
    private void refresh(LocalDate from) {
        Instant started = Instant.now();
        try {
            recompute(from);
        } catch (RuntimeException e) {
            if (executor.isShutdown()) {
                return; // stopping: the interrupted store read is no failure
            }
            LOG.errorf(e, "Scores could not be recomputed from %s; trying again in %d ms", from,
                    retryDelay.toMillis());
            if (from != null) {
                synchronized (this) {
                    dirtyFrom = earlier(dirtyFrom, from);
                }
                executor.schedule(() -> refresh(takeDirty()), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
                backOff();
            }
            return;
        }
        flush(started);
    }

    private synchronized LocalDate takeDirty() {
        LocalDate from = dirtyFrom;
        dirtyFrom = null;
        firstChange = null;
        return from;
    }

    /**
     * Recomputes the current scores (installed first, so they are served at once) and every day of history from
     * {@code from} on: from memory where it holds the days a day's scores read, from the store before that.
     */
    private void recompute(LocalDate from) {
        metrics.scoringTimer().record(() -> {
            history.newestDay().map(window::heldFrom).ifPresent(history::keepFrom);
            snapshot = history.snapshot();
            Evaluation current = Scoring.evaluate(catalog, methodology, snapshot, END_OF_TIME);
            if (from == null || snapshot.days().isEmpty()) {
                view.install(current, frameworkHistoryCopy(), latest.byProject());
                return;
            }
            LocalDate last = snapshot.days().last();
            LocalDate scorable = history.heldFrom().map(window::scorableFrom).orElse(from);
            LocalDate memoryFrom = later(from, scorable.isAfter(last) ? last : scorable);
            if (from.isBefore(memoryFrom) || snapshot.days().subSet(from, true, last, false).size() > 1) {
                // a long rescore: the current scores are served meanwhile
                view.install(current, frameworkHistoryCopy(), latest.byProject());
            }
            if (from.isBefore(memoryFrom)) {
                window.replayFromStore(from, memoryFrom, (day, e) -> {
                    record(day, e);
                    if (unsaved.size() >= SAVE_BATCH) {
                        save(); // a long rescore from the store is saved as it goes, not held until the end
                    }
                });
            }
            for (LocalDate day : snapshot.days().tailSet(memoryFrom, true)) {
                record(day, day.equals(last) ? current : Scoring.evaluate(catalog, methodology, snapshot,
                        day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)));
            }
            view.install(current, frameworkHistoryCopy(), latest.byProject());
        });
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The view gets its own copy: the refresher goes on changing its days. */
    private Map<String, NavigableMap<LocalDate, ScorePoint>> frameworkHistoryCopy() {
        Map<String, NavigableMap<LocalDate, ScorePoint>> copy = new HashMap<>();
        frameworkHistory.forEach((id, days) -> copy.put(id, new TreeMap<>(days)));
        return copy;
    }

    private void record(LocalDate day, Evaluation e) {
        for (SubjectScore s : e.frameworks().values()) {
            ScorePoint p = ScorePoint.of(day, s);
            frameworkHistory.computeIfAbsent(s.id(), id -> new TreeMap<>()).put(day, p);
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

    private void save() {
        if (!unsaved.isEmpty()) {
            scoreHistory.saveAll(unsaved.values());
            unsaved.values().forEach(p -> saved.put(p.key(), p.point()));
            unsaved.clear();
        }
    }

    /**
     * Saves the changed score history, publishes score changes and marks everything stored before {@code scoredFrom}
     * as scored; on failure, tries again later. Score points of days memory no longer holds are forgotten once saved.
     */
    private void flush(Instant scoredFrom) {
        try {
            save();
            history.heldFrom().ifPresent(held -> saved.values().removeIf(p -> p.date().isBefore(held)));
            view.state().ifPresent(s -> changes.publish(s.current(), snapshot));
            // what other replicas stored but this one has not synced yet is covered by the start's look back
            scoringState.markScoredBefore(scoredFrom);
            retryDelay = store.retryInitialDelay();
        } catch (RuntimeException e) {
            LOG.warnf("Cannot save score history or publish score changes yet (%s); trying again in %d ms",
                    e.getMessage(), retryDelay.toMillis());
            if (!retryScheduled) {
                retryScheduled = true;
                executor.schedule(() -> {
                    retryScheduled = false;
                    flush(scoredFrom);
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
