package dev.ecopulse.maven.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.contract.event.MavenObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.maven.client.ArtifactMetadata;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepositorySignalsTest {

    @Test
    void computesTheHighestVersionInsteadOfTrustingRelease() {
        ArtifactMetadata file = new ArtifactMetadata("org.pytorch", "pytorch_android",
                List.of("1.13.1", "2.1.0", "1.9.0", "2.2.0-rc1"), "1.13.1", "1.13.1", "20231004194020");

        RepositorySignals.Result result = RepositorySignals.of(file);

        assertThat(result.metadata()).isEqualTo(new MavenObservation.Metadata(4L, "2.2.0-rc1",
                Instant.parse("2023-10-04T19:40:20Z"), "2.1.0"));
        assertThat(result.dependentsVersion()).isEqualTo("2.1.0");
        assertThat(result.missing()).isEmpty();
    }

    @Test
    void onlyPreReleasesMeansNoReleaseVersionAndDependentsOfTheHighest() {
        ArtifactMetadata file = new ArtifactMetadata("org.pytorch", "executorch-android",
                List.of("0.1.0-rc1", "0.2.0-rc2"), null, null, "20250101000000");

        RepositorySignals.Result result = RepositorySignals.of(file);

        assertThat(result.metadata().highestReleaseVersion()).isNull();
        assertThat(result.dependentsVersion()).isEqualTo("0.2.0-rc2");
        assertThat(result.missing()).containsExactly(new MissingSignal("repository.highestReleaseVersion",
                "every listed version is a pre-release"));
    }

    @Test
    void anEmptyListIsACountOfZeroButNoHighestVersion() {
        RepositorySignals.Result result = RepositorySignals.of(
                new ArtifactMetadata("g", "a", List.of(), null, null, "20250101000000"));

        assertThat(result.metadata().versionCount()).isZero();
        assertThat(result.metadata().highestVersion()).isNull();
        assertThat(result.dependentsVersion()).isNull();
        assertThat(result.missing()).extracting(MissingSignal::signal)
                .containsExactly("repository.highestVersion", "repository.highestReleaseVersion");
    }

    @Test
    void withoutVersionsOrTimeTheGroupIsAbsentAndEveryFieldNamed() {
        RepositorySignals.Result result = RepositorySignals.of(
                new ArtifactMetadata("g", "a", null, null, null, "last tuesday"));

        assertThat(result.metadata()).isNull();
        assertThat(result.missing()).extracting(MissingSignal::signal).containsExactly("repository.versionCount",
                "repository.highestVersion", "repository.highestReleaseVersion", "repository.lastUpdated");
        assertThat(result.missing().get(3).reason())
                .isEqualTo("maven-metadata.xml has an unreadable <lastUpdated> 'last tuesday'");
    }
}
