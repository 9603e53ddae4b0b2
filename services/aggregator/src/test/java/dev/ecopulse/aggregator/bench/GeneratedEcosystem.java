package dev.ecopulse.aggregator.bench;

import dev.ecopulse.aggregator.TestObservations;
import dev.ecopulse.aggregator.scoring.ObservedPoint;
import dev.ecopulse.aggregator.scoring.SubjectKey;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.contract.event.SeriesObservation.Signals;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated ecosystem of any size for benchmarks and scale tests: N projects spread over the default catalog's
 * frameworks, each with a GitHub repository, a PyPI package and (every third) a Maven artifact, observed once a day
 * and growing slowly, with daily downloads as flows.
 */
public final class GeneratedEcosystem {

    private GeneratedEcosystem() {
    }

    /** N projects named p00001..., each in one framework of the default catalog, round robin. */
    public static Catalog catalog(int projects) {
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

    /** One observation of each subject of the project per day for {@code days} days up to {@code end}. */
    public static List<Observation> observations(Project p, Instant end, int days, Random random) {
        List<Observation> all = new ArrayList<>();
        long stars = 100 + random.nextInt(100_000);
        long downloads = 1_000 + random.nextInt(10_000_000);
        for (int d = days - 1; d >= 0; d--) {
            Instant at = end.minus(Duration.ofDays(d));
            all.addAll(day(p, at, stars, downloads, 1 + 0.003 * (days - d)));
        }
        return all;
    }

    /** The project's observations of one day, its counts grown by {@code growth}. */
    public static List<Observation> day(Project p, Instant at, long stars, long downloads, double growth) {
        List<Observation> all = new ArrayList<>();
        var g = TestObservations.github(p.id(), p.github(), at);
        g.stars = Math.round(stars * growth);
        g.forks = Math.round(stars * growth / 5);
        all.add(g.build());
        var py = TestObservations.pypi(p.id(), p.pypi().get(0), at);
        py.last30Days = Math.round(downloads * growth);
        all.add(py.build());
        p.maven().forEach(c -> all.add(TestObservations.maven(p.id(), c, at).build()));
        return all;
    }

    /** Daily downloads of the project's PyPI package over the days up to {@code end}, growing like its observations. */
    public static List<Flow> dailyDownloads(Project p, Instant end, int days, Random random) {
        long perDay = 30 + random.nextInt(300_000);
        LocalDate last = LocalDate.ofInstant(end, ZoneOffset.UTC);
        List<Flow> flows = new ArrayList<>();
        for (int d = days - 1; d >= 0; d--) {
            LocalDate day = last.minusDays(d);
            flows.add(new Flow(Signals.DOWNLOADS, day, day.plusDays(1), Math.round(perDay * (1 + 0.003 * (days - d)))));
        }
        return flows;
    }

    public static SubjectKey pypiKey(Project p) {
        return new SubjectKey(p.id(), ObservationSource.PYPI, p.pypi().get(0));
    }

    public static ObservedPoint point(Observation o) {
        return new ObservedPoint(EventIds.observationId(o.source(), o.projectId(), o.subject(), o.observedAt(),
                EventIds.DEFAULT_BUCKET), new SubjectKey(o.projectId(), o.source(), o.subject()), o.observedAt(), o);
    }
}
