package dev.ecopulse.maven.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MavenVersionsTest {

    @Test
    void ordersAsMavenDoesNotAsText() {
        List<String> versions = List.of("1.9.0", "1.10.0", "1.10.0-rc1", "1.10.0-alpha", "0.36.0", "1.10");

        assertThat(versions.stream().sorted(MavenVersions.ORDER).toList())
                .containsExactly("0.36.0", "1.9.0", "1.10.0-alpha", "1.10.0-rc1", "1.10.0", "1.10");
        assertThat(MavenVersions.highest(List.of("2.9.0", "2.16.1", "2.10.0"))).contains("2.16.1");
    }

    @Test
    void highestReleaseSkipsPreReleasesAndIsEmptyWhenAllAreOne() {
        assertThat(MavenVersions.highestRelease(List.of("2.1.0", "2.2.0-rc1", "2.2.0-SNAPSHOT"))).contains("2.1.0");
        assertThat(MavenVersions.highestRelease(List.of("0.1.0-alpha", "0.2.0-beta"))).isEmpty();
        assertThat(MavenVersions.highest(List.of())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1.0-alpha-1", "1.0a1", "0.5.0b2", "1.0.0-beta.3", "1.0-M1", "1.0-milestone-2",
            "2.16.0-rc0", "1.0.0-RC.1", "1.0-CR1", "1.0-SNAPSHOT", "5.0.0-preview.1", "1.0-pre1", "0.10.0-dev",
            "1.0-ea", "1.0.0-nightly-20240101" })
    void preReleases(String version) {
        assertThat(MavenVersions.isPreRelease(version)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "2.1.0", "1.0.final", "1.0-GA", "1.0-android", "3.0-sp1", "1.2.0-incubating",
            "0.36.0", "2023.1" })
    void releases(String version) {
        assertThat(MavenVersions.isPreRelease(version)).isFalse();
    }
}
