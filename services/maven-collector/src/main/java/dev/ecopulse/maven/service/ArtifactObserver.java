package dev.ecopulse.maven.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.client.depsdev.DependentsLookup;
import dev.ecopulse.contract.event.DependentCounts;
import dev.ecopulse.contract.event.MavenObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.maven.client.Coordinate;
import dev.ecopulse.maven.client.MavenRepository;
import dev.ecopulse.maven.client.MetadataLookup;
import dev.ecopulse.maven.client.RequestTally;
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
     */
    public record Observed(MavenObservation observation, String failure, List<String> problems) {
    }

    public Observed observe(String projectId, Coordinate coordinate, String runId, Instant observedAt,
            RequestTally tally) throws InterruptedException {
        MetadataLookup lookup = repository.metadata(coordinate, tally);
        if (lookup.outcome() == MetadataLookup.Outcome.NOT_FOUND) {
            List<MissingSignal> missing = List.of(new MissingSignal("repository", lookup.reason()),
                    new MissingSignal("search", lookup.reason()), new MissingSignal("depsdev", lookup.reason()));
            return new Observed(new MavenObservation(projectId, coordinate.toString(), observedAt, runId,
                    SubjectStatus.NOT_FOUND, null, null, null, missing), null, List.of());
        }
        List<MissingSignal> missing = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        MavenObservation.Metadata metadata = null;
        String dependentsVersion = null;
        if (lookup.outcome() == MetadataLookup.Outcome.FOUND) {
            RepositorySignals.Result signals = RepositorySignals.of(lookup.metadata());
            metadata = signals.metadata();
            dependentsVersion = signals.dependentsVersion();
            missing.addAll(signals.missing());
        } else {
            missing.add(new MissingSignal("repository", lookup.reason()));
            problems.add("repository: " + lookup.reason());
        }

        Fetched<List<VersionRelease>> releases = search.releases(coordinate, tally);
        MavenObservation.Releases cadence = null;
        if (releases.value() != null) {
            ReleaseCadence.Result result = ReleaseCadence.of(releases.value(), observedAt);
            cadence = result.releases();
            missing.addAll(result.missing());
        } else {
            missing.add(new MissingSignal("search", releases.missingReason()));
            problems.add("search: " + releases.missingReason());
        }

        if (lookup.outcome() == MetadataLookup.Outcome.UNAVAILABLE && cadence == null) {
            return new Observed(null, "maven-metadata.xml: " + lookup.reason() + "; search: "
                    + releases.missingReason(), problems);
        }

        DependentCounts counts = null;
        if (dependentsVersion == null) {
            missing.add(new MissingSignal("depsdev", metadata == null || metadata.versionCount() == null
                    ? "no version to ask deps.dev about: maven-metadata.xml gave no versions"
                    : "no version to ask deps.dev about: maven-metadata.xml lists none"));
        } else {
            tally.sent();
            Fetched<DependentCounts> fetched = dependents.dependents(SYSTEM, SYSTEM, coordinate.toString(),
                    dependentsVersion);
            counts = fetched.value();
            if (counts == null) {
                missing.add(new MissingSignal("depsdev", fetched.missingReason()));
            }
        }
        return new Observed(new MavenObservation(projectId, coordinate.toString(), observedAt, runId,
                SubjectStatus.FOUND, metadata, cadence, counts, missing), null, problems);
    }
}
