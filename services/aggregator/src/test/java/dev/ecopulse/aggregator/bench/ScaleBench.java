package dev.ecopulse.aggregator.bench;

import dev.ecopulse.aggregator.scoring.Evaluation;
import dev.ecopulse.aggregator.scoring.HistorySnapshot;
import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.aggregator.scoring.MethodologyLoader;
import dev.ecopulse.aggregator.scoring.Scoring;
import dev.ecopulse.aggregator.scoring.ScoringReach;
import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.aggregator.scoring.ObservedPoint;
import dev.ecopulse.aggregator.scoring.ProjectInputs;
import dev.ecopulse.aggregator.scoring.SubjectKey;
import dev.ecopulse.aggregator.service.FlowStore;
import dev.ecopulse.aggregator.service.ObservationPoints;
import dev.ecopulse.contract.event.EventJson;
import java.nio.charset.StandardCharsets;
import dev.ecopulse.aggregator.service.ObservationHistory;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Project;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Scale benchmark of scoring (not a test): a generated catalog of N projects spread over the default catalog's
 * frameworks, each with a GitHub repository, a PyPI package (with daily downloads) and (every third) a Maven artifact,
 * observed once a day for D days. The days are fed in order into the aggregator's bounded history exactly as the
 * refresher keeps it (days before the scoring reach plus {@code late-days-in-memory} are dropped), then it times the
 * pure scoring the refresher runs: the current scores, and the days a late observation makes it rescore from memory;
 * and reports the heap in use after a GC while the history and the current scores are held.
 *
 * <p>Arguments (optional): projects (10000), days (365), repetitions of the current evaluation (5), late days in
 * memory (31).
 */
public final class ScaleBench {

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private ScaleBench() {
    }

    public static void main(String[] args) {
        int projects = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int lateDays = args.length > 3 ? Integer.parseInt(args[3]) : 31;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Methodology methodology = MethodologyLoader.loadDefault();
        int window = ScoringReach.days(methodology) + lateDays;
        long baseline = usedAfterGc(memory);

        Catalog catalog = GeneratedEcosystem.catalog(projects);
        Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
        long start = System.nanoTime();
        FlowStore flows = new FlowStore();
        ObservationHistory history = new ObservationHistory(flows);
        long observed = feed(catalog, history, flows, end, days, window);
        double fed = (System.nanoTime() - start) / 1e9;
        HistorySnapshot snapshot = history.snapshot();
        long withHistory = usedAfterGc(memory);
        System.out.printf("catalog: %d projects, %d frameworks, %d subjects; %d days observed daily (%d observations,"
                + " fed in %.0f s); memory holds %d days (reach %d + %d late): %d (subject, day) points, %d flows;"
                + " %d MB heap after GC%n", catalog.projects().size(), catalog.frameworks().size(),
                snapshot.subjectCount(), days, observed, fed, window + 1, window - lateDays, lateDays, history.size(),
                flows.size(), (withHistory - baseline) >> 20);

        System.out.printf("a start's work on the days held, without the store's reads: %s%n",
                startWithoutStore(catalog, snapshot, history.heldFrom().orElseThrow()));

        Instant asOf = end.plus(Duration.ofDays(1));
        Evaluation current = null;
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            long t = System.nanoTime();
            snapshot = history.snapshot();
            current = Scoring.evaluate(catalog, methodology, snapshot, asOf);
            seconds.add((System.nanoTime() - t) / 1e9);
        }
        System.out.printf("current scores (snapshot + one evaluation of %d projects and %d frameworks): %s s"
                + " (first run includes JIT warm-up)%n", current.projects().size(), current.frameworks().size(),
                seconds.stream().map(s -> String.format("%.2f", s)).toList());

        LocalDate newest = LocalDate.ofInstant(end, ZoneOffset.UTC);
        for (int late : new int[] {1, 7, lateDays}) {
            long t = System.nanoTime();
            int evaluated = 0;
            for (LocalDate day : snapshot.days().tailSet(newest.minusDays(late), true)) {
                Scoring.evaluate(catalog, methodology, snapshot,
                        day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1));
                evaluated++;
            }
            double took = (System.nanoTime() - t) / 1e9;
            System.out.printf("a late observation of %d days ago, rescored from memory: %d days, %.1f s%n", late,
                    evaluated, took);
        }

        long held = usedAfterGc(memory);
        System.out.printf("heap used after GC, holding history + current scores: %d MB (JVM and methodology"
                + " baseline %d MB; history %d MB; current scores %d MB)%n", held >> 20, baseline >> 20,
                (withHistory - baseline) >> 20, (held - withHistory) >> 20);
        if (current.frameworks().values().stream().noneMatch(s -> s.maturity().maturity() != null)) {
            throw new IllegalStateException("no framework was scored: the generated observations are not used");
        }
        Reference.reachabilityFence(snapshot);
        Reference.reachabilityFence(history);
    }

    /**
     * What a start does with the days held once the store has sent them: each observation's stored JSON parsed into
     * its typed point and added to a fresh history (the JSON is made outside the timing).
     */
    static String startWithoutStore(Catalog catalog, HistorySnapshot held, LocalDate heldFrom) {
        ObservationHistory fresh = new ObservationHistory();
        Instant from = heldFrom.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant now = Instant.now();
        long nanos = 0;
        long count = 0;
        for (Project p : catalog.projects()) {
            for (SubjectKey key : ProjectInputs.subjects(p)) {
                for (ObservedPoint point : held.lookback(key, END_OF_TIME, from)) {
                    StoredObservation stored = new StoredObservation(point.id(), key.source().id(), key.projectId(),
                            key.subject(), point.observedAt(), now,
                            new String(EventJson.write(point.payload()), StandardCharsets.UTF_8));
                    long t = System.nanoTime();
                    fresh.add(ObservationPoints.of(stored));
                    nanos += System.nanoTime() - t;
                    count++;
                }
            }
        }
        return String.format("%d observations parsed and applied in %.1f s (%.0f µs each)", count, nanos / 1e9,
                nanos / 1e3 / count);
    }

    /** Feeds the days in order, dropping what memory no longer holds after each, as the refresher does. */
    static long feed(Catalog catalog, ObservationHistory history, FlowStore flows, Instant end, int days, int window) {
        Random random = new Random(42);
        long[] stars = new long[catalog.projects().size()];
        long[] downloads = new long[stars.length];
        for (int i = 0; i < stars.length; i++) {
            stars[i] = 100 + random.nextInt(100_000);
            downloads[i] = 1_000 + random.nextInt(10_000_000);
        }
        long observed = 0;
        for (int d = days - 1; d >= 0; d--) {
            Instant at = end.minus(Duration.ofDays(d));
            double growth = 1 + 0.003 * (days - d);
            for (int i = 0; i < stars.length; i++) {
                Project p = catalog.projects().get(i);
                for (var o : GeneratedEcosystem.day(p, at, stars[i], downloads[i], growth)) {
                    history.add(GeneratedEcosystem.point(o));
                    observed++;
                }
                flows.add(GeneratedEcosystem.pypiKey(p), GeneratedEcosystem.dailyDownloads(p, at, 1, random));
            }
            history.keepFrom(LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(window));
        }
        return observed;
    }

    static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
