package dev.ecopulse.pypi.client.pypi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.pypi.support.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectJsonTest {

    @Test
    void readsTheLatestReleaseMetadata() {
        ProjectMetadata optax = ProjectJson.read(Fixtures.read("pypi/optax.json"));

        assertThat(optax.latestVersion()).isEqualTo(Fetched.of("0.2.8"));
        assertThat(optax.developmentStatus()).isEqualTo(Fetched.of(new DevelopmentStatus(4, "Beta")));
        assertThat(optax.requiresPython()).isEqualTo(Fetched.of(">=3.9"));
        assertThat(optax.license()).isEqualTo(Fetched.of("Apache-2.0"));
    }

    @Test
    void countsDistinctRequiredPackagesWithoutExtras() {
        // absl-py, chex, jax, jaxlib, numpy (twice, by marker), etils[epy]; docs and test extras left out
        assertThat(ProjectJson.read(Fixtures.read("pypi/optax.json")).dependencyCount()).isEqualTo(Fetched.of(6L));
        // a python_version marker is not an extra: setuptools counts
        assertThat(ProjectJson.read(Fixtures.read("pypi/chex.json")).dependencyCount()).isEqualTo(Fetched.of(7L));
        assertThat(ProjectJson.read(info("\"requires_dist\":null")).dependencyCount()).isEqualTo(Fetched.of(0L));
    }

    @Test
    void readsTheReleasesMapWhileTheJsonApiStillHasIt() {
        List<Release> releases = ProjectJson.read(Fixtures.read("pypi/chex.json")).releases().value();

        assertThat(releases).hasSize(5).contains(
                new Release("0.1.82", Instant.parse("2023-08-02T09:30:11.000001Z"), false),
                new Release("0.1.83", Instant.parse("2023-09-25T14:02:37.500Z"), true),
                new Release("0.1.85", Instant.parse("2023-11-08T16:45:30.750Z"), false));
    }

    @Test
    void saysSoWhenTheReleasesMapIsGone() {
        ProjectMetadata jaxlib = ProjectJson.read(Fixtures.read("pypi/jaxlib.json"));

        assertThat(jaxlib.releases().missingReason()).isEqualTo("PyPI's JSON API no longer lists releases");
        assertThat(jaxlib.latestVersion()).isEqualTo(Fetched.of("0.5.0"));
        assertThat(jaxlib.developmentStatus().missingReason())
                .isEqualTo("the latest release declares no Development Status classifier");
    }

    @Test
    void takesTheLicenseFromTheExpressionThenTheFieldThenTheClassifiers() {
        assertThat(ProjectJson.read(Fixtures.read("pypi/chex.json")).license()).isEqualTo(Fetched.of("Apache 2.0"));
        assertThat(ProjectJson.read(info("\"license\":\"UNKNOWN\",\"classifiers\":"
                + "[\"License :: OSI Approved :: BSD License\"]")).license()).isEqualTo(Fetched.of("BSD License"));
        String fullText = "Copyright (c) 2016 Facebook\\n\\nRedistribution and use in source and binary forms...";
        assertThat(ProjectJson.read(info("\"license\":\"" + fullText + "\",\"classifiers\":"
                + "[\"License :: OSI Approved :: BSD License\"]")).license()).isEqualTo(Fetched.of("BSD License"));
        assertThat(ProjectJson.read(info("\"license\":\"\"")).license().missingReason())
                .isEqualTo("the latest release declares no license");
    }

    @Test
    void takesTheHighestDevelopmentStatusDeclared() {
        ProjectMetadata metadata = ProjectJson.read(info("\"classifiers\":[\"Development Status :: 5 - "
                + "Production/Stable\",\"Development Status :: 7 - Inactive\",\"Development Status :: 9 - Beyond\"]"));

        assertThat(metadata.developmentStatus()).isEqualTo(Fetched.of(new DevelopmentStatus(7, "Inactive")));
    }

    @Test
    void malformedDocumentsGiveReasonsNotValues() {
        String truncated = Fixtures.read("pypi/optax.json").substring(0, 2000);
        assertThat(ProjectJson.read(truncated).latestVersion().missingReason())
                .isEqualTo("PyPI's JSON API answered malformed JSON");
        assertThat(ProjectJson.read("{\"info\":{\"version\":\"1.0\"}} trailing").latestVersion().missingReason())
                .isEqualTo("PyPI's JSON API answered malformed JSON");
        assertThat(ProjectJson.read("{\"message\":\"Not Found\"}").license().missingReason())
                .isEqualTo("PyPI's JSON API answered a document without its info object");

        ProjectMetadata odd = ProjectJson.read("{\"info\":{\"version\":2,\"classifiers\":\"Beta\",\"requires_python\":"
                + "3.9,\"requires_dist\":[\"numpy\",17]},\"releases\":{\"1.0\":[{\"upload_time_iso_8601\":\"yesterday\"}]}}");
        assertThat(odd.latestVersion().missingReason()).isEqualTo("PyPI's JSON API gives no info.version");
        assertThat(odd.developmentStatus().missingReason())
                .isEqualTo("PyPI's JSON API gives info.classifiers that are not a list of strings");
        assertThat(odd.requiresPython().missingReason())
                .isEqualTo("PyPI's JSON API gives an info.requires_python that is not a string");
        assertThat(odd.dependencyCount().missingReason())
                .isEqualTo("PyPI's JSON API gives an info.requires_dist entry that is not a requirement");
        assertThat(odd.releases().missingReason())
                .isEqualTo("PyPI's JSON API lists a file of 1.0 without a readable upload_time_iso_8601 or yanked");
    }

    private static String info(String fields) {
        return "{\"info\":{\"name\":\"pkg\",\"version\":\"1.0\"," + fields + "},\"urls\":[]}";
    }
}
