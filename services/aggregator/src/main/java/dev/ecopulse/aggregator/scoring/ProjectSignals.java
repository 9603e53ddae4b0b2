package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.aggregator.scoring.SubjectValue.Absent;
import dev.ecopulse.aggregator.scoring.SubjectValue.Present;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.MavenObservation;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.PypiObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Derives a project's signals from the latest observation of each of its subjects. Pure. */
public final class ProjectSignals {

    private static final double DAYS_PER_MONTH = 365.25 / 12;
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)(\\.\\d+)*(.*)");
    private static final Pattern PRE_RELEASE = Pattern.compile(
            "(?i).*(a|b|c|rc|alpha|beta|dev|snapshot|preview|pre|m|milestone|cr|ea)[.-]?\\d*$");

    private ProjectSignals() {
    }

    public static ProjectEvidence derive(ProjectInputs in, Methodology methodology) {
        Map<Signal, Reading> readings = new EnumMap<>(Signal.class);
        Map<Signal, String> missing = new EnumMap<>(Signal.class);
        List<ProjectInputs.Input> github = in.of(ObservationSource.GITHUB);
        List<ProjectInputs.Input> pypi = in.of(ObservationSource.PYPI);
        List<ProjectInputs.Input> maven = in.of(ObservationSource.MAVEN);
        String noGithub = "no GitHub repository in the catalog";
        String noPypi = "no PyPI package in the catalog";
        String noPackage = "no PyPI package or Maven artifact in the catalog";

        put(Signal.STARS, Combine.SUM, gh(github, "stars", GithubObservation::stars), noGithub, readings, missing);
        put(Signal.FORKS, Combine.SUM, gh(github, "forks", GithubObservation::forks), noGithub, readings, missing);
        put(Signal.WATCHERS, Combine.SUM, gh(github, "watchers", GithubObservation::watchers), noGithub, readings,
                missing);
        put(Signal.CONTRIBUTORS, Combine.SUM, gh(github, "contributors", GithubObservation::contributors), noGithub,
                readings, missing);
        put(Signal.COMMITS_90D, Combine.SUM, gh(github, "commitsLast90Days", GithubObservation::commitsLast90Days),
                noGithub, readings, missing);
        put(Signal.ISSUES_CLOSED_90D, Combine.SUM,
                gh(github, "issuesClosedLast90Days", GithubObservation::issuesClosedLast90Days), noGithub, readings,
                missing);
        put(Signal.DAYS_SINCE_PUSH, Combine.MIN,
                gh(github, "pushedAt", g -> daysBetween(g.pushedAt(), g.observedAt())), noGithub, readings, missing);

        put(Signal.DOWNLOADS_30D, Combine.SUM, py(pypi, "pypistats.last30Days", p -> p.pypistats() == null ? null
                : p.pypistats().last30Days() != null ? p.pypistats().last30Days() : p.pypistats().lastMonth()),
                noPypi + " (Maven Central publishes no download counts)", readings, missing);
        put(Signal.DEPENDENTS, Combine.SUM, concat(
                py(pypi, "depsdev.direct", p -> p.depsdev() == null ? null : p.depsdev().direct()),
                mvn(maven, "depsdev.direct", m -> m.depsdev() == null ? null : m.depsdev().direct())),
                noPackage, readings, missing);

        put(Signal.RELEASES_365D, Combine.MAX, concat(
                ghReleases(github, "releasesLast365Days", GithubObservation::releasesLast365Days),
                py(pypi, "pypi.releasesLast365Days", p -> p.pypi() == null ? null : p.pypi().releasesLast365Days()),
                mvn(maven, "search.releasesLast365Days",
                        m -> m.search() == null ? null : m.search().releasesLast365Days())),
                "no repository or package in the catalog", readings, missing);
        put(Signal.DAYS_SINCE_RELEASE, Combine.MIN, concat(
                ghReleases(github, "latestReleaseAt", g -> daysBetween(g.latestReleaseAt(), g.observedAt())),
                py(pypi, "pypi.daysSinceLatestRelease",
                        p -> p.pypi() == null ? null : p.pypi().daysSinceLatestRelease()),
                mvn(maven, "search.daysSinceLatestRelease",
                        m -> m.search() == null ? null : m.search().daysSinceLatestRelease())),
                "no repository or package in the catalog", readings, missing);
        put(Signal.AGE_MONTHS, Combine.MAX, concat(
                gh(github, "createdAt", g -> months(g.createdAt(), g.observedAt())),
                py(pypi, "pypi.firstReleaseAt",
                        p -> p.pypi() == null ? null : months(p.pypi().firstReleaseAt(), p.observedAt())),
                mvn(maven, "search.firstReleaseAt",
                        m -> m.search() == null ? null : months(m.search().firstReleaseAt(), m.observedAt()))),
                "no repository or package in the catalog", readings, missing);

        put(Signal.DEVELOPMENT_STATUS, Combine.MAX, py(pypi, "pypi.developmentStatus",
                p -> p.pypi() == null || p.pypi().developmentStatus() == null ? null
                        : p.pypi().developmentStatus() == 7 ? 0 : p.pypi().developmentStatus()),
                noPypi + " (only PyPI has a Development Status)", readings, missing);
        put(Signal.STABLE_VERSION_SHARE, Combine.MEAN, concat(
                py(pypi, "pypi.latestVersion", p -> p.pypi() == null ? null : stable(p.pypi().latestVersion())),
                mvn(maven, "repository.highestVersion",
                        m -> m.repository() == null ? null : stable(m.repository().highestVersion()))),
                noPackage, readings, missing);
        put(Signal.RELEASE_INTERVAL_DAYS, Combine.MEDIAN, concat(
                py(pypi, "pypi.medianDaysBetweenReleases",
                        p -> p.pypi() == null ? null : p.pypi().medianDaysBetweenReleases()),
                mvn(maven, "search.medianDaysBetweenReleases",
                        m -> m.search() == null ? null : m.search().medianDaysBetweenReleases())),
                noPackage, readings, missing);
        put(Signal.PRE_RELEASE_SHARE, Combine.MEAN,
                mvn(maven, "search.preReleaseShare", m -> m.search() == null ? null : m.search().preReleaseShare()),
                "no Maven artifact in the catalog (only Maven Central search reports pre-releases)", readings,
                missing);
        yankedShare(pypi, readings, missing);
        registries(in, readings, missing);
        return new ProjectEvidence(new SignalSet(readings, missing), facts(in, readings, methodology));
    }

    private enum Combine {
        SUM, MAX, MIN, MEAN, MEDIAN
    }

    private static void put(Signal signal, Combine combine, List<SubjectValue> parts, String noInputs,
            Map<Signal, Reading> readings, Map<Signal, String> missing) {
        if (parts.isEmpty()) {
            missing.put(signal, noInputs);
            return;
        }
        List<Present> present = parts.stream().filter(Present.class::isInstance).map(Present.class::cast).toList();
        List<String> absent = parts.stream().filter(Absent.class::isInstance).map(p -> ((Absent) p).reason())
                .toList();
        if (present.isEmpty()) {
            missing.put(signal, String.join("; ", absent));
            return;
        }
        List<Double> values = present.stream().map(Present::value).toList();
        double value = switch (combine) {
            case SUM -> Aggregate.SUM.apply(values);
            case MAX -> Aggregate.MAX.apply(values);
            case MIN -> -Aggregate.MAX.apply(values.stream().map(v -> -v).toList());
            case MEAN -> Aggregate.MEAN.apply(values);
            case MEDIAN -> Aggregate.MEDIAN.apply(values);
        };
        readings.put(signal, new Reading(value, present.stream().map(Present::source).toList(),
                present.stream().map(Present::observedAt).min(Instant::compareTo).orElseThrow(),
                (double) present.size() / parts.size(), absent));
    }

    private static List<SubjectValue> gh(List<ProjectInputs.Input> github, String field,
            Function<GithubObservation, Number> f) {
        return github.stream().map(i -> SubjectValue.read(i, GithubObservation.class, field, f)).toList();
    }

    /** A repository that never made a GitHub release is not expected to report release signals. */
    private static List<SubjectValue> ghReleases(List<ProjectInputs.Input> github, String field,
            Function<GithubObservation, Number> f) {
        return github.stream().filter(i -> i.point().isEmpty()
                || !(i.point().get().payload() instanceof GithubObservation g)
                || g.releasesTotal() == null || g.releasesTotal() > 0)
                .map(i -> SubjectValue.read(i, GithubObservation.class, field, f)).toList();
    }

    private static List<SubjectValue> py(List<ProjectInputs.Input> pypi, String field,
            Function<PypiObservation, Number> f) {
        return pypi.stream().map(i -> SubjectValue.read(i, PypiObservation.class, field, f)).toList();
    }

    private static List<SubjectValue> mvn(List<ProjectInputs.Input> maven, String field,
            Function<MavenObservation, Number> f) {
        return maven.stream().map(i -> SubjectValue.read(i, MavenObservation.class, field, f)).toList();
    }

    @SafeVarargs
    private static List<SubjectValue> concat(List<SubjectValue>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }

    private static void yankedShare(List<ProjectInputs.Input> pypi, Map<Signal, Reading> readings,
            Map<Signal, String> missing) {
        List<SubjectValue> yanked = py(pypi, "pypi.yankedReleases", p -> p.pypi() == null ? null
                : p.pypi().yankedReleases());
        List<SubjectValue> releases = py(pypi, "pypi.releaseCount", p -> p.pypi() == null ? null
                : p.pypi().releaseCount() == null || p.pypi().releaseCount() == 0 ? null : p.pypi().releaseCount());
        if (pypi.isEmpty()) {
            missing.put(Signal.YANKED_SHARE, "no PyPI package in the catalog (only PyPI records yanked releases)");
            return;
        }
        double yankedSum = 0;
        double releaseSum = 0;
        List<String> sources = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        Instant oldest = null;
        for (int i = 0; i < pypi.size(); i++) {
            if (yanked.get(i) instanceof Present y && releases.get(i) instanceof Present r) {
                yankedSum += y.value();
                releaseSum += r.value();
                sources.add(y.source());
                sources.add(r.source());
                oldest = oldest == null || y.observedAt().isBefore(oldest) ? y.observedAt() : oldest;
            } else {
                absent.add(yanked.get(i) instanceof Absent a ? a.reason() : ((Absent) releases.get(i)).reason());
            }
        }
        if (sources.isEmpty()) {
            missing.put(Signal.YANKED_SHARE, String.join("; ", absent));
            return;
        }
        readings.put(Signal.YANKED_SHARE, new Reading(yankedSum / releaseSum, sources, oldest,
                (double) (pypi.size() - absent.size()) / pypi.size(), absent));
    }

    /** Registries (PyPI, Maven Central) on which at least one of the project's packages was found. */
    private static void registries(ProjectInputs in, Map<Signal, Reading> readings, Map<Signal, String> missing) {
        List<ProjectInputs.Input> packages = Stream.concat(in.of(ObservationSource.PYPI).stream(),
                in.of(ObservationSource.MAVEN).stream()).toList();
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

    private static ProjectFacts facts(ProjectInputs in, Map<Signal, Reading> readings, Methodology methodology) {
        Optional<GithubObservation> github = in.of(ObservationSource.GITHUB).stream()
                .flatMap(i -> i.point().stream()).map(p -> (GithubObservation) p.payload())
                .filter(g -> g.status() != SubjectStatus.NOT_FOUND).findFirst();
        boolean packagesObserved = Stream.concat(in.of(ObservationSource.PYPI).stream(),
                in.of(ObservationSource.MAVEN).stream()).anyMatch(i -> i.point().isPresent());
        boolean packagesListed = !in.of(ObservationSource.PYPI).isEmpty() || !in.of(ObservationSource.MAVEN).isEmpty();
        Optional<Set<String>> registries = packagesObserved || !packagesListed
                ? Optional.of(foundRegistries(in)) : Optional.empty();

        boolean onMaven = in.of(ObservationSource.MAVEN).stream().flatMap(i -> i.point().stream())
                .anyMatch(p -> p.payload().status() != SubjectStatus.NOT_FOUND);
        Optional<Boolean> deployment = onMaven ? Optional.of(true)
                : github.map(g -> g.topics() != null && g.topics().stream()
                        .anyMatch(t -> methodology.deploymentTopics().contains(t.toLowerCase(java.util.Locale.ROOT))));

        int within = methodology.activeWithinDays();
        Optional<Double> sincePush = Optional.ofNullable(readings.get(Signal.DAYS_SINCE_PUSH)).map(Reading::value);
        Optional<Double> sinceRelease = Optional.ofNullable(readings.get(Signal.DAYS_SINCE_RELEASE))
                .map(Reading::value);
        Optional<Boolean> active;
        if (github.map(g -> Boolean.TRUE.equals(g.archived())).orElse(false)) {
            active = Optional.of(false);
        } else if (sincePush.isEmpty() && sinceRelease.isEmpty()) {
            active = Optional.empty();
        } else {
            active = Optional.of(sincePush.map(d -> d <= within).orElse(false)
                    || sinceRelease.map(d -> d <= within).orElse(false));
        }
        return new ProjectFacts(registries, github.map(GithubObservation::primaryLanguage), deployment, active);
    }

    private static Set<String> foundRegistries(ProjectInputs in) {
        Set<String> found = new TreeSet<>();
        Stream.concat(in.of(ObservationSource.PYPI).stream(), in.of(ObservationSource.MAVEN).stream())
                .filter(i -> i.point().isPresent() && i.point().get().payload().status() != SubjectStatus.NOT_FOUND)
                .forEach(i -> found.add(i.key().source().id()));
        return found;
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

    /** 1 when the version is 1.0 or later and not a pre-release, else 0; null when there is no version. */
    static Integer stable(String version) {
        if (version == null) {
            return null;
        }
        var m = VERSION.matcher(version.trim());
        if (!m.matches()) {
            return 0;
        }
        boolean major = Long.parseLong(m.group(1).length() > 9 ? "999999999" : m.group(1)) >= 1;
        return major && !PRE_RELEASE.matcher(version.trim()).matches() ? 1 : 0;
    }
}
