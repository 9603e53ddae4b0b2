package dev.ecopulse.maven.service;

import dev.ecopulse.contract.event.MavenObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.maven.client.ArtifactMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code repository} group from a maven-metadata.xml, and the version whose dependents deps.dev is asked for. */
public final class RepositorySignals {

    /**
     * @param metadata null when every field is missing
     * @param dependentsVersion the highest release, else the highest version; null when there is no version
     */
    public record Result(MavenObservation.Metadata metadata, String dependentsVersion, List<MissingSignal> missing) {
    }

    private RepositorySignals() {
    }

    public static Result of(ArtifactMetadata file) {
        List<MissingSignal> missing = new ArrayList<>();
        Long count = null;
        String highest = null;
        String highestRelease = null;
        if (file.versions() == null) {
            String reason = "maven-metadata.xml has no <versions> element";
            missing.add(new MissingSignal("repository.versionCount", reason));
            missing.add(new MissingSignal("repository.highestVersion", reason));
            missing.add(new MissingSignal("repository.highestReleaseVersion", reason));
        } else {
            count = (long) file.versions().size();
            Optional<String> max = MavenVersions.highest(file.versions());
            Optional<String> maxRelease = MavenVersions.highestRelease(file.versions());
            highest = max.orElse(null);
            highestRelease = maxRelease.orElse(null);
            if (max.isEmpty()) {
                missing.add(new MissingSignal("repository.highestVersion", "maven-metadata.xml lists no versions"));
                missing.add(new MissingSignal("repository.highestReleaseVersion",
                        "maven-metadata.xml lists no versions"));
            } else if (maxRelease.isEmpty()) {
                missing.add(new MissingSignal("repository.highestReleaseVersion",
                        "every listed version is a pre-release"));
            }
        }
        Instant lastUpdated = file.lastUpdatedAt();
        if (lastUpdated == null) {
            missing.add(new MissingSignal("repository.lastUpdated", file.lastUpdated() == null
                    ? "maven-metadata.xml has no <lastUpdated>"
                    : "maven-metadata.xml has an unreadable <lastUpdated> '" + abbreviate(file.lastUpdated()) + "'"));
        }
        MavenObservation.Metadata metadata = count == null && lastUpdated == null
                ? null
                : new MavenObservation.Metadata(count, highest, lastUpdated, highestRelease);
        return new Result(metadata, highestRelease != null ? highestRelease : highest, missing);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
