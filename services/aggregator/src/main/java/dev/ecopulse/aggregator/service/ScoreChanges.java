package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.config.ScoresConfig;
import dev.ecopulse.aggregator.repository.PublishedScoreRepository;
import dev.ecopulse.aggregator.repository.PublishedScoreRepository.PublishedScore;
import dev.ecopulse.aggregator.scoring.Evaluation;
import dev.ecopulse.aggregator.scoring.FrameworkInputs;
import dev.ecopulse.aggregator.scoring.HistorySnapshot;
import dev.ecopulse.aggregator.scoring.Level;
import dev.ecopulse.aggregator.scoring.MaturityScore;
import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.aggregator.scoring.ProjectInputs;
import dev.ecopulse.aggregator.scoring.SubjectKey;
import dev.ecopulse.aggregator.scoring.SubjectScore;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.ScoreChanged;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Announces maturity changes: a project's or framework's first score, and every later move by more than the
 * configured epsilon against the last published score. The last published score is stored, so a restart or a replay
 * announces nothing new; a change is recorded as published only after Kafka acknowledged it. With several replicas
 * only the holder of the {@link ScoreChangeLease} publishes; the others keep scoring and stand by. A replica that gains
 * the lease first reloads the published scores (the previous holder's announcements), then publishes what changed
 * since, so a takeover announces nothing twice.
 */
@ApplicationScoped
public class ScoreChanges {

    private static final Logger LOG = Logger.getLogger(ScoreChanges.class);
    private static final int MAX_CAUSES = 5;

    private final PublishedScoreRepository repository;
    private final ScoreEvents publisher;
    private final Catalog catalog;
    private final Methodology methodology;
    private final ScoresConfig config;
    private final AggregatorMetrics metrics;
    private final ScoreChangeLease lease;
    private final Map<String, PublishedScore> published = new ConcurrentHashMap<>();
    // catch-up publishing after a takeover runs here, never on the scheduler thread that renews the lease
    private final ExecutorService catchUp = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "score-change-catch-up");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean catchUpPending = new AtomicBoolean();
    private final AtomicBoolean catchUpRunning = new AtomicBoolean();

    // guarded by this
    private long loadedTerm = -1;
    private Evaluation latest;
    private HistorySnapshot latestHistory;

    ScoreChanges(PublishedScoreRepository repository, ScoreEvents publisher, Catalog catalog,
            Methodology methodology, ScoresConfig config, AggregatorMetrics metrics, ScoreChangeLease lease,
            MeterRegistry registry) {
        this.repository = repository;
        this.publisher = publisher;
        this.catalog = catalog;
        this.methodology = methodology;
        this.config = config;
        this.metrics = metrics;
        this.lease = lease;
        Gauge.builder("ecopulse.aggregator.score.changes.publisher", lease, l -> l.held() ? 1 : 0)
                .description("1 while this replica holds the score-change lease and publishes score changes, else 0")
                .register(registry);
    }

    /** Renews the lease (or tries to take it); after a takeover, publishes what changed since the last holder. */
    @Scheduled(identity = "score-change-lease", every = "${ecopulse.score-changes.lease-renew-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renewLease() {
        if (lease.renew() == ScoreChangeLease.Change.GAINED) {
            catchUpPending.set(true);
        }
        if (catchUpPending.get() && lease.held() && catchUpRunning.compareAndSet(false, true)) {
            catchUp.execute(() -> {
                try {
                    publishLatest();
                } finally {
                    catchUpRunning.set(false);
                }
            });
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        catchUp.shutdownNow();
        lease.release();
    }

    private synchronized void publishLatest() {
        if (latest == null) {
            return; // not scored yet: the first refresh publishes
        }
        try {
            publish(latest, latestHistory);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot publish the score changes since the last holder yet (%s); trying again at the next"
                    + " lease renewal", e.getMessage());
        }
    }

    private void load(List<PublishedScore> stored) {
        stored.forEach(p -> published.put(p.key(), p));
    }

    /** Publishes every change of {@code current} against the last published scores. */
    synchronized void publish(Evaluation current, HistorySnapshot history) {
        latest = current;
        latestHistory = history;
        Optional<Long> term = lease.heldTerm();
        if (term.isEmpty()) {
            return; // another replica publishes
        }
        if (term.get() != loadedTerm) {
            // another replica may have published since this one last did
            published.clear();
            load(repository.findAll());
            loadedTerm = term.get();
        }
        List<String> announced = new ArrayList<>();
        for (SubjectScore s : Stream.concat(current.frameworks().values().stream(),
                current.projects().values().stream()).toList()) {
            if (!lease.held()) {
                LOG.infof("Score-change lease lost while publishing; %d changes published before", announced.size());
                break;
            }
            Double score = s.maturity().maturity();
            if (score == null) {
                continue;
            }
            String key = s.level().name().toLowerCase(Locale.ROOT) + "|" + s.id();
            PublishedScore previous = published.get(key);
            if (previous != null && Math.abs(score - previous.score()) <= config.changeEpsilon()) {
                continue;
            }
            Map<String, Double> contributions = contributions(s.maturity());
            ScoreChanged event = new ScoreChanged(kind(s.level()), s.id(), previous == null ? null : previous.score(),
                    score, s.maturity().band(), s.maturity().coverage(), deltas(contributions, previous),
                    shares(s), cause(s, previous, history), s.updatedAt());
            String id = EventIds.scoreChangeId(event.kind(), s.id(), s.updatedAt());
            publisher.publish(event, id);
            PublishedScore now = new PublishedScore(s.level(), s.id(), score, contributions, s.updatedAt(), id);
            repository.save(now);
            published.put(key, now);
            metrics.scoreChangePublished(s.level().name().toLowerCase(Locale.ROOT));
            announced.add(s.id() + (previous == null ? " " : " " + previous.score() + " -> ") + score);
        }
        if (!announced.isEmpty()) {
            LOG.infof("Published %d score changes: %s", announced.size(), String.join(", ", announced));
        }
        catchUpPending.set(false);
    }

    private static Map<String, Double> shares(SubjectScore s) {
        Map<String, Double> shares = new LinkedHashMap<>();
        s.shares().forEach((measure, share) -> {
            if (share.percent() != null) {
                shares.put(measure, share.percent());
            }
        });
        return shares;
    }

    private static ScoreChanged.SubjectKind kind(Level level) {
        return level == Level.PROJECT ? ScoreChanged.SubjectKind.PROJECT : ScoreChanged.SubjectKind.FRAMEWORK;
    }

    private static Map<String, Double> contributions(MaturityScore score) {
        Map<String, Double> contributions = new LinkedHashMap<>();
        score.dimensions().forEach(d -> contributions.put(d.id(), d.contribution()));
        return contributions;
    }

    /** Change of each dimension's contribution, in score points (they add up to the change of the score). */
    private static Map<String, Double> deltas(Map<String, Double> now, PublishedScore previous) {
        Map<String, Double> deltas = new LinkedHashMap<>();
        now.forEach((id, c) -> deltas.put(id, Math.round(100 * (c - (previous == null ? 0
                : previous.contributions().getOrDefault(id, 0.0)))) / 100.0));
        return deltas;
    }

    private String cause(SubjectScore s, PublishedScore previous, HistorySnapshot history) {
        if (previous == null) {
            return "first score, from observations up to " + s.updatedAt();
        }
        Instant since = previous.computedAt();
        List<String> newer = s.level() == Level.FRAMEWORK
                ? Stream.concat(s.projectIds().stream().filter(id -> newerThan(id, since, history)),
                        catalog.framework(s.id()).map(FrameworkInputs::subjects).orElse(List.of()).stream()
                                .filter(k -> history.atOrBefore(k, ScoreRefresher.END_OF_TIME)
                                        .map(p -> p.observedAt().isAfter(since)).orElse(false))
                                .map(SubjectKey::label)).toList()
                : catalog.project(s.id()).map(ProjectInputs::subjects).orElse(List.of()).stream()
                        .map(k -> history.atOrBefore(k, ScoreRefresher.END_OF_TIME)
                                .filter(p -> p.observedAt().isAfter(since))
                                .map(p -> k.label() + " observed " + p.observedAt()).orElse(null))
                        .filter(Objects::nonNull).toList();
        if (newer.isEmpty()) {
            return "rescored with methodology " + methodology.version();
        }
        String listed = String.join(", ", newer.subList(0, Math.min(MAX_CAUSES, newer.size())))
                + (newer.size() > MAX_CAUSES ? " and " + (newer.size() - MAX_CAUSES) + " more" : "");
        return (s.level() == Level.FRAMEWORK ? "new observations of " : "new observations: ") + listed
                + " (since " + since + ")";
    }

    private boolean newerThan(String projectId, Instant since, HistorySnapshot history) {
        return catalog.project(projectId).map(ProjectInputs::subjects).orElse(List.of()).stream()
                .anyMatch(k -> history.atOrBefore(k, ScoreRefresher.END_OF_TIME)
                        .map(p -> p.observedAt().isAfter(since)).orElse(false));
    }
}
