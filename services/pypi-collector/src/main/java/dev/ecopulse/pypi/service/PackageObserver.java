package dev.ecopulse.pypi.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.client.depsdev.DependentsLookup;
import dev.ecopulse.collector.client.http.Lookup;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.event.DependentCounts;
import dev.ecopulse.contract.event.PypiObservation;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.contract.time.TimeSource;
import dev.ecopulse.pypi.client.pypi.DevelopmentStatus;
import dev.ecopulse.pypi.client.pypi.ProjectMetadata;
import dev.ecopulse.pypi.client.pypi.PypiClient;
import dev.ecopulse.pypi.client.pypi.Release;
import dev.ecopulse.pypi.client.pypistats.DailyDownloads;
import dev.ecopulse.pypi.client.pypistats.PypistatsClient;
import dev.ecopulse.pypi.client.pypistats.RecentDownloads;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Observes one PyPI package: metadata from the JSON API, release history from the Simple API (the JSON API's
 * deprecated {@code releases} when the Simple API cannot be read), downloads from pypistats, dependents of the latest
 * deps.dev's default version from deps.dev. Whatever could not be had is listed as missing with its reason.
 */
@ApplicationScoped
public class PackageObserver {

    /**
     * What observing a package gave: an observation to publish, or why there is none; and the upstream failures met
     * on the way ({@code problems}), for the run's error list. Requests are counted in the run's cost as they go.
     */
    public record Outcome(PypiObservation observation, String failure, boolean downloadsThrottled,
            List<String> problems, SeriesObservation series) {
    }

    private final PypiClient pypi;
    private final PypistatsClient pypistats;
    private final DependentsLookup dependents;
    private final TimeSource time;

    PackageObserver(PypiClient pypi, PypistatsClient pypistats, DependentsLookup dependents, TimeSource time) {
        this.pypi = pypi;
        this.pypistats = pypistats;
        this.dependents = dependents;
        this.time = time;
    }

    /** @param skipDownloads why pypistats is not to be asked this time; null to ask it */
    public Outcome observe(CollectionTarget target, RunContext run, String skipDownloads)
            throws InterruptedException {
        String runId = run.runId();
        Instant observedAt = time.now();
        String name = target.subject();
        Draft o = new Draft(target, runId, observedAt);

        Lookup<ProjectMetadata> project = pypi.project(name, run);
        if (project instanceof Lookup.NotFound<ProjectMetadata> absent) {
            return o.notFound(absent.reason());
        }
        Lookup<Fetched<List<Release>>> page = pypi.releases(name, run);
        if (project instanceof Lookup.Failed<ProjectMetadata> failed && !(page instanceof Lookup.Found)) {
            if (page instanceof Lookup.NotFound<Fetched<List<Release>>> absent) {
                return o.notFound(absent.reason());
            }
            String both = failed.reason() + "; " + ((Lookup.Failed<Fetched<List<Release>>>) page).reason();
            return new Outcome(null, "neither PyPI API answered: " + both, false, List.of(), null);
        }
        ProjectMetadata metadata = project instanceof Lookup.Found<ProjectMetadata> found ? found.value()
                : ProjectMetadata.unreadable(o.problem(((Lookup.Failed<ProjectMetadata>) project).reason()));
        if (page instanceof Lookup.Failed<Fetched<List<Release>>> failed) {
            o.problem(failed.reason());
        }
        Fetched<List<Release>> history = history(page, metadata);
        PypiObservation.Registry registry = o.registry(metadata, history);

        boolean throttled = false;
        PypiObservation.Downloads downloads = null;
        Fetched<List<DailyDownloads>> days;
        if (skipDownloads != null) {
            o.missing.group("pypistats", skipDownloads);
            days = Fetched.missing(skipDownloads);
        } else {
            DownloadsOutcome d = downloads(name, o, run);
            downloads = d.downloads();
            throttled = d.throttled();
            days = d.days();
        }

        DependentCounts counts = o.missing.take("depsdev", dependents.dependents("pypi", name, run));
        SeriesObservation series = PackageSeries.of(target, runId, observedAt, run.backfill(target), days, history);
        return new Outcome(new PypiObservation(target.projectId(), name, observedAt, runId, SubjectStatus.FOUND,
                registry, downloads, counts, o.missing.list()), null, throttled, List.copyOf(o.problems), series);
    }

    /** The Simple API's releases; the JSON API's {@code releases} map when the Simple API gave none. */
    private static Fetched<List<Release>> history(Lookup<Fetched<List<Release>>> page, ProjectMetadata metadata) {
        String simpleReason;
        if (page instanceof Lookup.Found<Fetched<List<Release>>> found) {
            if (found.value().value() != null) {
                return found.value();
            }
            simpleReason = found.value().missingReason();
        } else if (page instanceof Lookup.Failed<Fetched<List<Release>>> failed) {
            simpleReason = failed.reason();
        } else {
            simpleReason = ((Lookup.NotFound<Fetched<List<Release>>>) page).reason();
        }
        if (metadata.releases().value() != null) {
            return metadata.releases();
        }
        return Fetched.missing(simpleReason + "; " + metadata.releases().missingReason());
    }

    /** @param days the daily series the windows were summed from, for the package's flows */
    private record DownloadsOutcome(PypiObservation.Downloads downloads, boolean throttled,
            Fetched<List<DailyDownloads>> days) {
    }

    private DownloadsOutcome downloads(String name, Draft o, RunContext run) throws InterruptedException {
        MissingSignals missing = o.missing;
        Lookup<RecentDownloads> recentLookup = pypistats.recent(name, run);
        if (recentLookup instanceof Lookup.NotFound<RecentDownloads> absent) {
            missing.group("pypistats", absent.reason()); // no data for the package: the series is not asked for
            return new DownloadsOutcome(null, false, Fetched.missing(absent.reason()));
        }
        boolean throttled = recentLookup instanceof Lookup.Failed<RecentDownloads> f && f.throttled();
        RecentDownloads recent = recentLookup instanceof Lookup.Found<RecentDownloads> found ? found.value()
                : unavailableRecent(o.problem(((Lookup.Failed<RecentDownloads>) recentLookup).reason()));
        Fetched<DownloadWindows> windows;
        Fetched<List<DailyDownloads>> days;
        if (throttled) {
            windows = Fetched.missing("not asked: pypistats was throttling this collector");
            days = Fetched.missing(windows.missingReason());
        } else {
            Lookup<Fetched<List<DailyDownloads>>> overall = pypistats.overall(name, run);
            if (overall instanceof Lookup.Failed<Fetched<List<DailyDownloads>>> failed) {
                o.problem(failed.reason());
            }
            days = days(overall);
            windows = days.value() == null ? Fetched.missing(days.missingReason())
                    : DownloadWindows.of(days.value());
            throttled = overall instanceof Lookup.Failed<Fetched<List<DailyDownloads>>> f && f.throttled();
        }
        PypiObservation.Downloads downloads = new PypiObservation.Downloads(
                missing.take("pypistats.lastDay", recent.lastDay()),
                missing.take("pypistats.lastWeek", recent.lastWeek()),
                missing.take("pypistats.lastMonth", recent.lastMonth()),
                missing.take("pypistats.last30Days", windows, DownloadWindows::last30Days),
                missing.take("pypistats.previous30Days", windows, DownloadWindows::previous30Days),
                missing.take("pypistats.last90Days", windows, DownloadWindows::last90Days),
                missing.take("pypistats.previous90Days", windows, DownloadWindows::previous90Days));
        return new DownloadsOutcome(missing.lacksAll("pypistats") ? null : downloads, throttled, days);
    }

    private static Fetched<List<DailyDownloads>> days(Lookup<Fetched<List<DailyDownloads>>> overall) {
        if (overall instanceof Lookup.Found<Fetched<List<DailyDownloads>>> found) {
            return found.value();
        }
        if (overall instanceof Lookup.NotFound<Fetched<List<DailyDownloads>>> absent) {
            return Fetched.missing(absent.reason());
        }
        return Fetched.missing(((Lookup.Failed<Fetched<List<DailyDownloads>>>) overall).reason());
    }

    private static RecentDownloads unavailableRecent(String reason) {
        return new RecentDownloads(Fetched.missing(reason), Fetched.missing(reason), Fetched.missing(reason));
    }

    /** One observation being put together. */
    private static final class Draft {
        final CollectionTarget target;
        final String runId;
        final Instant observedAt;
        final MissingSignals missing = new MissingSignals();
        final List<String> problems = new ArrayList<>();

        Draft(CollectionTarget target, String runId, Instant observedAt) {
            this.target = target;
            this.runId = runId;
            this.observedAt = observedAt;
        }

        /** Notes an upstream failure and gives its reason back. */
        String problem(String reason) {
            problems.add(reason);
            return reason;
        }

        Outcome notFound(String reason) {
            missing.group("pypi", reason);
            missing.group("pypistats", "not asked: the package does not exist on PyPI");
            missing.add("depsdev", "not asked: the package does not exist on PyPI");
            return new Outcome(new PypiObservation(target.projectId(), target.subject(), observedAt, runId,
                    SubjectStatus.NOT_FOUND, null, null, null, missing.list()), null, false, List.of(), null);
        }

        PypiObservation.Registry registry(ProjectMetadata metadata, Fetched<List<Release>> history) {
            Fetched<ReleaseCadence> cadence = history.value() == null ? Fetched.missing(history.missingReason())
                    : Fetched.of(ReleaseCadence.of(history.value(), observedAt));
            Fetched<DevelopmentStatus> status = metadata.developmentStatus();
            PypiObservation.Registry registry = new PypiObservation.Registry(
                    missing.take("pypi.latestVersion", metadata.latestVersion()),
                    missing.take("pypi.firstReleaseAt", flat(cadence, ReleaseCadence::firstReleaseAt)),
                    missing.take("pypi.latestReleaseAt", flat(cadence, ReleaseCadence::latestReleaseAt)),
                    missing.take("pypi.releaseCount", cadence, ReleaseCadence::releaseCount),
                    missing.take("pypi.releasesLast365Days", cadence, ReleaseCadence::releasesLast365Days),
                    missing.take("pypi.medianDaysBetweenReleases",
                            flat(cadence, ReleaseCadence::medianDaysBetweenReleases)),
                    missing.take("pypi.daysSinceLatestRelease", flat(cadence, ReleaseCadence::daysSinceLatestRelease)),
                    missing.take("pypi.yankedReleases", cadence, ReleaseCadence::yankedReleases),
                    missing.take("pypi.developmentStatus", status, DevelopmentStatus::level),
                    missing.take("pypi.developmentStatusLabel", status, DevelopmentStatus::label),
                    missing.take("pypi.requiresPython", metadata.requiresPython()),
                    missing.take("pypi.dependencyCount", metadata.dependencyCount()),
                    missing.take("pypi.license", metadata.license()));
            return missing.lacksAll("pypi") ? null : registry;
        }

        private static <T> Fetched<T> flat(Fetched<ReleaseCadence> cadence,
                Function<ReleaseCadence, Fetched<T>> part) {
            return cadence.value() == null ? Fetched.missing(cadence.missingReason()) : part.apply(cadence.value());
        }
    }
}
