package dev.ecopulse.aggregator.bench;

import dev.ecopulse.aggregator.TestObservations;
import dev.ecopulse.aggregator.scoring.Evaluation;
import dev.ecopulse.aggregator.scoring.HistorySnapshot;
import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.aggregator.scoring.MethodologyLoader;
import dev.ecopulse.aggregator.scoring.ObservedPoint;
import dev.ecopulse.aggregator.scoring.Scoring;
import dev.ecopulse.aggregator.scoring.SubjectKey;
import dev.ecopulse.aggregator.service.ObservationHistory;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.Observation;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;
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
 * frameworks, each with a GitHub repository, a PyPI package and (every third) a Maven artifact, observed once a day
 * for D days. Times what the aggregator's refresher does with the pure scoring functions: one evaluation of the
 * current scores, and a full rescore of every day of history (what a start or a replay from the first day costs);
 * then reports the heap in use after a GC while the history and the current evaluation are held.
 *
 * <p>Arguments (optional): projects (10000), days (31), repetitions of the current evaluation (5).
 */
public final class ScaleBench {

    private ScaleBench() {
    }

    public static void main(String[] args) {
        int projects = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 31;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Methodology methodology = MethodologyLoader.loadDefault();
        long baseline = usedAfterGc(memory);

        Catalog catalog = GeneratedEcosystem.catalog(projects);
        Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
        HistorySnapshot snapshot = history(catalog, end, days);
        long withHistory = usedAfterGc(memory);
        System.out.printf("catalog: %d projects, %d frameworks, %d subjects; history: %d days of daily observations"
                + " (%d MB heap after GC)%n", catalog.projects().size(), catalog.frameworks().size(),
                snapshot.subjectCount(), snapshot.days().size(), (withHistory - baseline) >> 20);

        Instant asOf = end.plus(Duration.ofDays(1));
        Evaluation current = null;
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            current = Scoring.evaluate(catalog, methodology, snapshot, asOf);
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        System.out.printf("current scores (one evaluation of %d projects and %d frameworks): %s s"
                + " (first run includes JIT warm-up)%n", current.projects().size(), current.frameworks().size(),
                seconds.stream().map(s -> String.format("%.2f", s)).toList());

        long start = System.nanoTime();
        int evaluated = 0;
        for (LocalDate day : snapshot.days()) {
            Scoring.evaluate(catalog, methodology, snapshot,
                    day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1));
            evaluated++;
        }
        double full = (System.nanoTime() - start) / 1e9;
        System.out.printf("full rescore of the history (%d days, one evaluation each): %.1f s (%.2f s/day)%n",
                evaluated, full, full / evaluated);

        long held = usedAfterGc(memory);
        System.out.printf("heap used after GC, holding history + current scores: %d MB (JVM and methodology"
                + " baseline %d MB; history %d MB; current scores %d MB)%n", held >> 20, baseline >> 20,
                (withHistory - baseline) >> 20, (held - withHistory) >> 20);
        if (current.frameworks().values().stream().noneMatch(s -> s.maturity().maturity() != null)) {
            throw new IllegalStateException("no framework was scored: the generated observations are not used");
        }
        Reference.reachabilityFence(snapshot);
    }

    /** The snapshot scoring runs on, as the aggregator's in-memory history makes it (which is then let go). */
    static HistorySnapshot history(Catalog catalog, Instant end, int days) {
        ObservationHistory history = new ObservationHistory();
        Random random = new Random(42);
        for (Project p : catalog.projects()) {
            for (Observation o : GeneratedEcosystem.observations(p, end, days, random)) {
                history.add(GeneratedEcosystem.point(o));
            }
        }
        return history.snapshot();
    }

    static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
