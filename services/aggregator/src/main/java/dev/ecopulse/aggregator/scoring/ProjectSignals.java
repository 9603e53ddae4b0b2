package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.aggregator.scoring.SignalParts.Combine;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.MavenObservation;
import dev.ecopulse.contract.event.NpmObservation;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.PypiObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Derives a project's signals from the latest observation of each of its subjects. Pure. */
public final class ProjectSignals {

    private static final double DAYS_PER_MONTH = 365.25 / 12;
    private static final Pattern PRE_RELEASE = Pattern.compile(
            "(?i).*\\d[.-]?(a|b|c|rc|alpha|beta|dev|snapshot|preview|pre|m|milestone|cr|ea)[.-]?\\d*$");

    private ProjectSignals() {
    }

    public static ProjectEvidence derive(ProjectInputs in, Methodology methodology) {
        Map<Signal, Reading> readings = new EnumMap<>(Signal.class);
        Map<Signal, String> missing = new EnumMap<>(Signal.class);
        Map<Signal, String> notApplicable = new EnumMap<>(Signal.class);
        SignalParts parts = new SignalParts(readings, missing, notApplicable);
        Reader read = new Reader(in);
        String noGithub = "no GitHub repository in the catalog";
        String noPypi = "no PyPI package in the catalog";
        String noPackage = "no PyPI package or Maven artifact in the catalog";
        String nothing = "no repository or package in the catalog";

        parts.put(Signal.STARS, Combine.SUM, read.gh("stars", GithubObservation::stars), noGithub);
        parts.put(Signal.FORKS, Combine.SUM, read.gh("forks", GithubObservation::forks), noGithub);
        parts.put(Signal.WATCHERS, Combine.SUM, read.gh("watchers", GithubObservation::watchers), noGithub);
        parts.put(Signal.CONTRIBUTORS, Combine.SUM, read.gh("contributors", GithubObservation::contributors),
                noGithub);
        parts.put(Signal.COMMITS_90D, Combine.SUM, read.gh("commitsLast90Days", GithubObservation::commitsLast90Days),
                noGithub);
        parts.put(Signal.ISSUES_CLOSED_90D, Combine.SUM,
                read.gh("issuesClosedLast90Days", GithubObservation::issuesClosedLast90Days), noGithub);
        parts.put(Signal.DAYS_SINCE_PUSH, Combine.MIN,
                read.gh("pushedAt", g -> daysBetween(g.pushedAt(), g.observedAt())), noGithub);

        parts.put(Signal.DOWNLOADS_30D, Combine.SUM, CompanionGroups.once(in.project(), in.of(ObservationSource.PYPI),
                read.py("pypistats.last30Days", p -> p.pypistats() == null ? null
                        : p.pypistats().last30Days() != null ? p.pypistats().last30Days()
                        : p.pypistats().lastMonth())),
                noPypi + " (Maven Central publishes no download counts)");
        parts.put(Signal.NPM_DOWNLOADS_30D, Combine.SUM, CompanionGroups.once(in.project(),
                in.of(ObservationSource.NPM), read.npm("downloads.lastMonth",
                        n -> n.downloads() == null ? null : n.downloads().lastMonth())),
                "no npm package in the catalog");
        List<ProjectInputs.Input> packages = Stream.concat(in.of(ObservationSource.PYPI).stream(),
                in.of(ObservationSource.MAVEN).stream()).toList();
        parts.put(Signal.DEPENDENTS, Combine.SUM, CompanionGroups.once(in.project(), packages, Stream.concat(
                read.py("depsdev.direct", p -> p.depsdev() == null ? null : p.depsdev().direct()).stream(),
                read.mvn("depsdev.direct", m -> m.depsdev() == null ? null : m.depsdev().direct()).stream())
                .toList()), noPackage);

        parts.put(Signal.RELEASES_365D, Combine.MAX, concat(
                read.ghReleases("releasesLast365Days", GithubObservation::releasesLast365Days),
                read.py("pypi.releasesLast365Days", p -> p.pypi() == null ? null : p.pypi().releasesLast365Days()),
                read.mvn("search.releasesLast365Days",
                        m -> m.search() == null ? null : m.search().releasesLast365Days()),
                read.npm("registry.releasesLast365Days",
                        n -> n.registry() == null ? null : n.registry().releasesLast365Days())), nothing);
        parts.put(Signal.DAYS_SINCE_RELEASE, Combine.MIN, concat(
                read.ghReleases("latestReleaseAt", g -> daysBetween(g.latestReleaseAt(), g.observedAt())),
                read.py("pypi.daysSinceLatestRelease",
                        p -> p.pypi() == null ? null : p.pypi().daysSinceLatestRelease()),
                read.mvn("search.daysSinceLatestRelease",
                        m -> m.search() == null ? null : m.search().daysSinceLatestRelease()),
                read.npm("registry.daysSinceLatestRelease",
                        n -> n.registry() == null ? null : n.registry().daysSinceLatestRelease())), nothing);
        parts.put(Signal.AGE_MONTHS, Combine.MAX, concat(
                read.gh("createdAt", g -> months(g.createdAt(), g.observedAt())),
                read.py("pypi.firstReleaseAt",
                        p -> p.pypi() == null ? null : months(p.pypi().firstReleaseAt(), p.observedAt())),
                read.mvn("search.firstReleaseAt",
                        m -> m.search() == null ? null : months(m.search().firstReleaseAt(), m.observedAt())),
                read.npm("registry.firstReleaseAt",
                        n -> n.registry() == null ? null : months(n.registry().firstReleaseAt(), n.observedAt()))),
                nothing);

        parts.put(Signal.DEVELOPMENT_STATUS, Combine.MAX, read.developmentStatus(),
                in.of(ObservationSource.PYPI).isEmpty() ? noPypi + " (only PyPI has a Development Status)"
                        : "no package declares a 'Development Status' classifier");
        parts.put(Signal.FINAL_RELEASE_SHARE, Combine.MEAN, concat(
                read.py("pypi.latestVersion", p -> p.pypi() == null ? null : finalRelease(p.pypi().latestVersion())),
                read.mvn("repository.highestVersion",
                        m -> m.repository() == null ? null : finalRelease(m.repository().highestVersion()))),
                noPackage);
        parts.put(Signal.RELEASE_INTERVAL_DAYS, Combine.MEDIAN, concat(
                read.py("pypi.medianDaysBetweenReleases",
                        p -> p.pypi() == null ? null : p.pypi().medianDaysBetweenReleases()),
                read.mvn("search.medianDaysBetweenReleases",
                        m -> m.search() == null ? null : m.search().medianDaysBetweenReleases())), noPackage);
        parts.put(Signal.PRE_RELEASE_SHARE, Combine.MEAN,
                read.mvn("search.preReleaseShare", m -> m.search() == null ? null : m.search().preReleaseShare()),
                "no Maven artifact in the catalog (only Maven Central search reports pre-releases)");
        parts.put(Signal.YANKED_SHARE, Combine.MEAN, read.yankedShares(),
                "no PyPI package in the catalog (only PyPI records yanked releases)");
        registries(in, readings, missing);
        SignalSet signals = new SignalSet(readings, missing, notApplicable);
        return new ProjectEvidence(signals, ProjectFactsOf.derive(in, signals, methodology));
    }

    /** Reads one field from each subject of a source, carrying forward its last good value where it is missing. */
    private record Reader(ProjectInputs in) {

        List<SubjectValue> gh(String field, Function<GithubObservation, Number> f) {
            return of(ObservationSource.GITHUB, GithubObservation.class, field, f);
        }

        List<SubjectValue> py(String field, Function<PypiObservation, Number> f) {
            return of(ObservationSource.PYPI, PypiObservation.class, field, f);
        }

        List<SubjectValue> mvn(String field, Function<MavenObservation, Number> f) {
            return of(ObservationSource.MAVEN, MavenObservation.class, field, f);
        }

        List<SubjectValue> npm(String field, Function<NpmObservation, Number> f) {
            return of(ObservationSource.NPM, NpmObservation.class, field, f);
        }

        /** A repository that never made a GitHub release is not expected to report release signals. */
        List<SubjectValue> ghReleases(String field, Function<GithubObservation, Number> f) {
            return in.of(ObservationSource.GITHUB).stream().filter(i -> i.point().isEmpty()
                    || !(i.point().get().payload() instanceof GithubObservation g)
                    || g.releasesTotal() == null || g.releasesTotal() > 0)
                    .map(i -> SubjectValue.read(in, i, GithubObservation.class, field, f)).toList();
        }

        /** A package that declares no Development Status classifier is not expected to have one (7 Inactive is 0). */
        List<SubjectValue> developmentStatus() {
            return in.of(ObservationSource.PYPI).stream().filter(i -> i.point().isEmpty()
                    || !(i.point().get().payload() instanceof PypiObservation p) || p.pypi() == null
                    || p.pypi().developmentStatus() != null || reportedMissing(p, "pypi.developmentStatus"))
                    .map(i -> SubjectValue.read(in, i, PypiObservation.class, "pypi.developmentStatus",
                            p -> p.pypi() == null || p.pypi().developmentStatus() == null ? null
                                    : p.pypi().developmentStatus() == 7 ? 0 : p.pypi().developmentStatus()))
                    .toList();
        }

        /** Each package's share of yanked releases; the project's value is their mean. */
        List<SubjectValue> yankedShares() {
            return py("pypi.yankedReleases", p -> p.pypi() == null || p.pypi().yankedReleases() == null
                    || p.pypi().releaseCount() == null || p.pypi().releaseCount() == 0 ? null
                    : (double) p.pypi().yankedReleases() / p.pypi().releaseCount());
        }

        private <T extends Observation> List<SubjectValue> of(ObservationSource source, Class<T> type, String field,
                Function<T, Number> f) {
            return in.of(source).stream().map(i -> SubjectValue.read(in, i, type, field, f)).toList();
        }

        private static boolean reportedMissing(Observation o, String field) {
            return o.missing().stream().anyMatch(m -> m.signal().equals(field) || field.startsWith(m.signal() + "."));
        }
    }

    @SafeVarargs
    private static List<SubjectValue> concat(List<SubjectValue>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }

    /** Registries (PyPI, Maven Central, npm) on which at least one of the project's packages was found. */
    private static void registries(ProjectInputs in, Map<Signal, Reading> readings, Map<Signal, String> missing) {
        List<ProjectInputs.Input> packages = in.packages();
        Set<String> expected = new TreeSet<>(packages.stream().map(i -> i.key().source().id()).toList());
        if (expected.isEmpty()) {
            readings.put(Signal.REGISTRIES, new Reading(0, List.of("catalog"), null, 1, List.of(
                    "the catalog lists no package for the project")));
            return;
        }
        Set<String> observed = new TreeSet<>();
        Set<String> found = new TreeSet<>();
        List<String> sources = new ArrayList<>();
        Instant oldest = null;
        for (ProjectInputs.Input i : packages) {
            if (i.point().isPresent()) {
                observed.add(i.key().source().id());
                if (i.point().get().payload().status() != SubjectStatus.NOT_FOUND) {
                    found.add(i.key().source().id());
                    sources.add(i.key().label());
                }
                Instant at = i.point().get().observedAt();
                oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
            }
        }
        if (observed.isEmpty()) {
            missing.put(Signal.REGISTRIES, "no observation of any of the project's packages yet");
            return;
        }
        List<String> notes = expected.stream().filter(r -> !observed.contains(r))
                .map(r -> "no observation of the project's " + r + " packages yet").toList();
        readings.put(Signal.REGISTRIES, new Reading(found.size(), sources, oldest,
                (double) observed.size() / expected.size(), notes));
    }

    static Long daysBetween(Instant from, Instant to) {
        return from == null ? null : Math.max(0, Duration.between(from, to).toDays());
    }

    static Double months(Instant from, Instant to) {
        if (from == null) {
            return null;
        }
        return Math.max(0, Duration.between(from, to).toDays()) / DAYS_PER_MONTH;
    }

    /**
     * 1 when the version is a final release, 0 when it is a pre-release (alpha, beta, rc, dev, snapshot, milestone...);
     * null when there is no version. The major version does not matter: 0.x is a versioning convention, not a sign of
     * ill health.
     */
    static Integer finalRelease(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        return PRE_RELEASE.matcher(version.trim()).matches() ? 0 : 1;
    }
}
