package dev.ecopulse.maven.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.client.depsdev.DependentsLookup;
import dev.ecopulse.collector.client.http.Lookup;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.event.DependentCounts;
import dev.ecopulse.contract.event.MavenObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.maven.client.Coordinate;
import dev.ecopulse.maven.client.MavenRepository;
import dev.ecopulse.maven.client.ArtifactMetadata;
import dev.ecopulse.maven.client.SearchReleases;
import dev.ecopulse.maven.client.VersionRelease;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Observes one Maven artifact: its maven-metadata.xml, its release times from Central search and its dependents from
 * deps.dev. Each upstream fails on its own: what one could not give is listed as missing, the others still count.
 */
@ApplicationScoped
public class ArtifactObserver {

    static final String SYSTEM = "maven";

    private final MavenRepository repository;
    private final SearchReleases search;
    private final DependentsLookup dependents;

    ArtifactObserver(MavenRepository repository, SearchReleases search, DependentsLookup dependents) {
        this.repository = repository;
        this.search = search;
        this.dependents = dependents;
    }

    /**
     * An observation, or why there is none.
     *
     * @param problems upstream trouble worth a line in the run's errors, even though the artifact was observed
     * @param series the artifact's dated flows, read from the same answers; null when there is no observation of a
     *     found artifact
     */
    public record Observed(MavenObservation observation, String failure, List<String> problems,
            SeriesObservation series) {
    }

    public Observed observe(String projectId, Coordinate coordinate, Instant observedAt, RunContext run)
            throws InterruptedException {
        String runId = run.runId();
        Lookup<Fetched<ArtifactMetadata>> lookup = repository.metadata(coordinate, run);
        if (lookup instanceof Lookup.NotFound<Fetched<ArtifactMetadata>> absent) {
            List<MissingSignal> missing = List.of(new MissingSignal("repository", absent.reason()),
                    new MissingSignal("search", absent.reason()), new MissingSignal("depsdev", absent.reason()));
            return new Observed(new MavenObservation(projectId, coordinate.toString(), observedAt, runId,
                    SubjectStatus.NOT_FOUND, null, null, null, missing), null, List.of(), null);
        }
        List<MissingSignal> missing = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        MavenObservation.Metadata metadata = null;
        String dependentsVersion = null;
        String unavailable = null;
        if (lookup instanceof Lookup.Found<Fetched<ArtifactMetadata>> found && found.value().value() != null) {
            RepositorySignals.Result signals = RepositorySignals.of(found.value().value());
            metadata = signals.metadata();
            dependentsVersion = signals.dependentsVersion();
            missing.addAll(signals.missing());
        } else {
            String reason = lookup instanceof Lookup.Found<Fetched<ArtifactMetadata>> found
                    ? found.value().missingReason() : ((Lookup.Failed<Fetched<ArtifactMetadata>>) lookup).reason();
            unavailable = lookup instanceof Lookup.Failed ? reason : null;
            missing.add(new MissingSignal("repository", reason));
            problems.add("repository: " + reason);
        }

        Fetched<List<VersionRelease>> releases = search.releases(coordinate, run);
        MavenObservation.Releases cadence = null;
        if (releases.value() != null) {
            ReleaseCadence.Result result = ReleaseCadence.of(releases.value(), observedAt);
            cadence = result.releases();
            missing.addAll(result.missing());
        } else {
            missing.add(new MissingSignal("search", releases.missingReason()));
            problems.add("search: " + releases.missingReason());
        }

        if (unavailable != null && cadence == null) {
            return new Observed(null, "maven-metadata.xml: " + unavailable + "; search: "
                    + releases.missingReason(), problems, null);
        }

        DependentCounts counts = null;
        if (dependentsVersion == null) {
            missing.add(new MissingSignal("depsdev", metadata == null || metadata.versionCount() == null
                    ? "no version to ask deps.dev about: maven-metadata.xml gave no versions"
                    : "no version to ask deps.dev about: maven-metadata.xml lists none"));
        } else {
            Fetched<DependentCounts> fetched = dependents.dependents(SYSTEM, coordinate.toString(), run);
            counts = fetched.value();
            if (counts == null) {
                missing.add(new MissingSignal("depsdev", fetched.missingReason()));
            }
        }
        CollectionTarget target = new CollectionTarget(projectId, coordinate.toString());
        SeriesObservation series = ArtifactSeries.of(target, runId, observedAt, run.backfill(target), releases);
        return new Observed(new MavenObservation(projectId, coordinate.toString(), observedAt, runId,
                SubjectStatus.FOUND, metadata, cadence, counts, missing), null, problems, series);
    }
}
