package dev.ecopulse.npm.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.client.http.Lookup;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.event.NpmObservation;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.contract.time.TimeSource;
import dev.ecopulse.npm.client.downloads.DownloadHistory;
import dev.ecopulse.npm.client.registry.PackageDocument;
import dev.ecopulse.npm.client.registry.PublishedVersion;
import dev.ecopulse.npm.client.registry.RegistryClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Observes one npm package: versions, dates, deprecation and license from its full registry document, downloads from
 * api.npmjs.org (asked by the caller, in bulk where npm allows it). Only the registry decides that a package does not
 * exist; whatever could not be had is listed as missing with its reason.
 */
@ApplicationScoped
public class PackageObserver {

    /** Where the package's downloads come from: an answer already read in bulk, or a query of its own. */
    @FunctionalInterface
    public interface DownloadSource {
        Lookup<DownloadHistory> get() throws InterruptedException;
    }

    /**
     * What observing a package gave: an observation (and series) to publish, or why there is none; the upstream
     * failures met on the way ({@code problems}) for the run's error list; whether the downloads were given up to 429s.
     */
    public record Outcome(NpmObservation observation, SeriesObservation series, String failure,
            boolean downloadsThrottled, List<String> problems) {
    }

    private final RegistryClient registry;
    private final TimeSource time;

    PackageObserver(RegistryClient registry, TimeSource time) {
        this.registry = registry;
        this.time = time;
    }

    public Outcome observe(CollectionTarget target, RunContext run, DownloadSource downloadSource)
            throws InterruptedException {
        Instant observedAt = time.now();
        Draft o = new Draft(target, run.runId(), observedAt);
        Lookup<PackageDocument> document = registry.document(target.subject(), run);
        if (document instanceof Lookup.NotFound<PackageDocument> absent) {
            return o.notFound(absent.reason());
        }
        PackageDocument doc;
        if (document instanceof Lookup.Found<PackageDocument> found) {
            doc = found.value();
            if (!doc.readable()) {
                o.problem(doc.latestVersion().missingReason());
            }
        } else {
            doc = PackageDocument.unreadable(o.problem(((Lookup.Failed<PackageDocument>) document).reason()));
        }

        Lookup<DownloadHistory> downloads = downloadSource.get();
        Fetched<DownloadHistory> history;
        boolean throttled = false;
        if (downloads instanceof Lookup.Found<DownloadHistory> found) {
            history = Fetched.of(found.value());
        } else if (downloads instanceof Lookup.NotFound<DownloadHistory> absent) {
            history = Fetched.missing(absent.reason());
        } else {
            Lookup.Failed<DownloadHistory> failed = (Lookup.Failed<DownloadHistory>) downloads;
            throttled = failed.throttled();
            history = Fetched.missing(failed.reason());
            if (!failed.reason().startsWith("not asked")) {
                o.problem(failed.reason());
            }
        }
        if (!doc.readable() && history.value() == null) {
            return new Outcome(null, null, "neither npm host answered usably: "
                    + doc.latestVersion().missingReason() + "; " + history.missingReason(), throttled,
                    List.copyOf(o.problems));
        }
        NpmObservation.Registry reg = o.registry(doc);
        NpmObservation.Downloads counts = o.downloads(history);
        SeriesObservation series = PackageSeries.of(target, run.runId(), observedAt, run.backfill(target), history,
                doc.versions());
        return new Outcome(new NpmObservation(target.projectId(), target.subject(), observedAt, run.runId(),
                SubjectStatus.FOUND, reg, counts, o.missing.list()), series, null, throttled,
                List.copyOf(o.problems));
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

        String problem(String reason) {
            problems.add(target.subject() + ": " + reason);
            return reason;
        }

        Outcome notFound(String reason) {
            missing.group("registry", reason);
            missing.group("downloads", "not read: the package does not exist on npm's registry");
            return new Outcome(new NpmObservation(target.projectId(), target.subject(), observedAt, runId,
                    SubjectStatus.NOT_FOUND, null, null, missing.list()), null, null, false, List.of());
        }

        NpmObservation.Registry registry(PackageDocument doc) {
            Fetched<List<PublishedVersion>> versions = doc.versions();
            Fetched<ReleaseCadence> cadence = versions.value() == null ? Fetched.missing(versions.missingReason())
                    : Fetched.of(ReleaseCadence.of(versions.value(), observedAt));
            NpmObservation.Registry registry = new NpmObservation.Registry(
                    missing.take("registry.latestVersion", doc.latestVersion()),
                    missing.take("registry.firstReleaseAt", cadence, ReleaseCadence::firstReleaseAt),
                    missing.take("registry.latestReleaseAt", flat(cadence, ReleaseCadence::latestReleaseAt)),
                    missing.take("registry.releaseCount", cadence, ReleaseCadence::releaseCount),
                    missing.take("registry.releasesLast365Days", cadence, ReleaseCadence::releasesLast365Days),
                    missing.take("registry.medianDaysBetweenReleases",
                            flat(cadence, ReleaseCadence::medianDaysBetweenReleases)),
                    missing.take("registry.daysSinceLatestRelease",
                            flat(cadence, ReleaseCadence::daysSinceLatestRelease)),
                    missing.take("registry.deprecated", doc.deprecated()),
                    missing.take("registry.license", doc.license()));
            return missing.lacksAll("registry") ? null : registry;
        }

        NpmObservation.Downloads downloads(Fetched<DownloadHistory> history) {
            if (history.value() == null) {
                missing.group("downloads", history.missingReason());
                return null;
            }
            DownloadTotals totals = DownloadTotals.of(history.value());
            return new NpmObservation.Downloads(missing.take("downloads.lastDay", totals.lastDay()),
                    totals.lastWeek(), totals.lastMonth(), totals.lastYear());
        }

        private static <T> Fetched<T> flat(Fetched<ReleaseCadence> cadence,
                Function<ReleaseCadence, Fetched<T>> part) {
            return cadence.value() == null ? Fetched.missing(cadence.missingReason()) : part.apply(cadence.value());
        }
    }
}
