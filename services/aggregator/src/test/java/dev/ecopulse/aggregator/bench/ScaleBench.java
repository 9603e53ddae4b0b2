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

        Catalog catalog = catalog(projects);
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
            for (Observation o : observations(p, end, days, random)) {
                history.add(point(o));
            }
        }
        return history.snapshot();
    }

    /** N projects named p00001..., each in one framework of the default catalog, round robin. */
    static Catalog catalog(int projects) {
        List<Framework> frameworks = CatalogLoader.loadDefault().frameworks();
        List<Project> list = new ArrayList<>();
        for (int i = 1; i <= projects; i++) {
            String id = String.format("p%05d", i);
            String framework = frameworks.get(i % frameworks.size()).id();
            list.add(new Project(id, "Project " + i, List.of(framework), "org" + (i % 97) + "/" + id, List.of(id),
                    i % 3 == 0 ? List.of("org.example:" + id) : List.of()));
        }
        return new Catalog("generated", frameworks, list);
    }

    /** One observation of each subject of the project per day, growing slowly, ending at {@code end}. */
    static List<Observation> observations(Project p, Instant end, int days, Random random) {
        List<Observation> all = new ArrayList<>();
        long stars = 100 + random.nextInt(100_000);
        long downloads = 1_000 + random.nextInt(10_000_000);
        for (int d = days - 1; d >= 0; d--) {
            Instant at = end.minus(Duration.ofDays(d));
            double growth = 1 + 0.003 * (days - d);
            var g = TestObservations.github(p.id(), p.github(), at);
            g.stars = Math.round(stars * growth);
            all.add(g.build());
            var py = TestObservations.pypi(p.id(), p.pypi().get(0), at);
            py.last30Days = Math.round(downloads * growth);
            all.add(py.build());
            p.maven().forEach(c -> all.add(TestObservations.maven(p.id(), c, at).build()));
        }
        return all;
    }

    static ObservedPoint point(Observation o) {
        return new ObservedPoint(EventIds.observationId(o.source(), o.projectId(), o.subject(), o.observedAt(),
                EventIds.DEFAULT_BUCKET), new SubjectKey(o.projectId(), o.source(), o.subject()), o.observedAt(), o);
    }

    static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
