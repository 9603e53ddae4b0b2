package dev.ecopulse.aggregator.scoring;

import static dev.ecopulse.aggregator.TestObservations.github;
import static dev.ecopulse.aggregator.TestObservations.maven;
import static dev.ecopulse.aggregator.TestObservations.pypi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.Observation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The framework-level rules of methodology v2: attribution, companions, adoption weights, versions, Maven once. */
class ScoringRulesTest {

    static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");

    final Methodology methodology = MethodologyLoader.loadDefault();

    @Test
    void aSharedProjectCountsInEachFrameworkByItsAttributionAndSharesAddUpToAHundred() {
        Catalog catalog = new Catalog("test", List.of(new Framework("alpha", "Alpha", null),
                new Framework("beta", "Beta", null)), List.of(
                new Project("a", "A", List.of("alpha"), "org/a", List.of("a"), List.of()),
                new Project("b", "B", List.of("beta"), "org/b", List.of("b"), List.of()),
                new Project("shared", "Shared", Map.of("alpha", 0.75, "beta", 0.25), true, "org/shared",
                        List.of("shared"), List.of(), Map.of())));
        Evaluation e = evaluate(catalog, github("a", "org/a", AT).stars(1_000).build(),
                github("b", "org/b", AT).stars(1_000).build(), github("shared", "org/shared", AT).stars(4_000).build(),
                downloads("a", "a", 1_000_000), downloads("b", "b", 3_000_000), downloads("shared", "shared", 4_000_000));

        // alpha: 1,000 + 0.75 * 4,000 stars; beta: 1,000 + 0.25 * 4,000
        assertThat(raw(e, "alpha", "stars")).isEqualTo(4_000.0);
        assertThat(raw(e, "beta", "stars")).isEqualTo(2_000.0);
        assertThat(source(e, "alpha", "stars")).contains("shared (attributed 75.0 %)");
        // downloads: alpha 1 M + 3 M = 4 M, beta 3 M + 1 M = 4 M of a catalog-wide 8 M (the shared project once)
        assertThat(e.frameworks().get("alpha").shares().get("downloads30d").percent()).isEqualTo(50.0);
        assertThat(e.frameworks().get("beta").shares().get("downloads30d").percent()).isEqualTo(50.0);
    }

    @Test
    void companionPackagesInstalledTogetherCountOnce() {
        Catalog catalog = new Catalog("test", List.of(new Framework("alpha", "Alpha", null)), List.of(
                new Project("core", "Core", Map.of("alpha", 1.0), false, null, List.of("core", "corelib"),
                        List.of(), Map.of("corelib", "core"))));
        Evaluation e = evaluate(catalog, downloads("core", "core", 1_000_000), downloads("core", "corelib", 1_200_000));

        Reading downloads = e.projects().get("core").maturity().dimensions().stream()
                .flatMap(d -> d.signals().stream()).filter(s -> s.signal().equals("downloads30d")).findFirst()
                .map(s -> new Reading(s.raw(), s.sources(), s.observedAt(), s.dataShare(), List.of())).orElseThrow();
        assertThat(downloads.value()).isEqualTo(1_200_000.0);
        assertThat(downloads.sources()).singleElement().asString().contains("installed together: counted once");
    }

    @Test
    void aFrameworksMedianFollowsItsAdoptionNotTheNumberOfSatellites() {
        Catalog catalog = new Catalog("test", List.of(new Framework("alpha", "Alpha", null)), List.of(
                new Project("core", "Core", List.of("alpha"), null, List.of("core"), List.of()),
                new Project("s1", "S1", List.of("alpha"), null, List.of("s1"), List.of()),
                new Project("s2", "S2", List.of("alpha"), null, List.of("s2"), List.of())));
        var core = pypi("core", "core", AT);
        core.last30Days = 10_000_000L;
        core.daysSinceLatestRelease = 10L;
        var s1 = pypi("s1", "s1", AT);
        s1.last30Days = 1_000L;
        s1.daysSinceLatestRelease = 700L;
        var s2 = pypi("s2", "s2", AT);
        s2.last30Days = 2_000L;
        s2.daysSinceLatestRelease = 800L;
        Evaluation e = evaluate(catalog, core.build(), s1.build(), s2.build());

        // an unweighted median would be 700 days: two abandoned satellites outvoting the core
        assertThat(raw(e, "alpha", "daysSinceRelease")).isEqualTo(10.0);
    }

    @Test
    void aZeroXVersionIsAFinalReleaseAndAPreReleaseIsNot() {
        assertThat(ProjectSignals.finalRelease("0.4.35")).isEqualTo(1);
        assertThat(ProjectSignals.finalRelease("2.16.1")).isEqualTo(1);
        assertThat(ProjectSignals.finalRelease("1.0.0.Final")).isEqualTo(1);
        assertThat(ProjectSignals.finalRelease("2.0.0rc1")).isZero();
        assertThat(ProjectSignals.finalRelease("0.5.0.dev3")).isZero();
        assertThat(ProjectSignals.finalRelease("3.0.0-M1")).isZero();
        assertThat(ProjectSignals.finalRelease("1.2-SNAPSHOT")).isZero();
    }

    @Test
    void mavenPresenceCountsUnderRegistriesOnlyNotAsADeploymentProject() {
        Catalog catalog = new Catalog("test", List.of(new Framework("alpha", "Alpha", null)), List.of(
                new Project("jvm", "JVM", List.of("alpha"), "org/jvm", List.of(), List.of("org.jvm:jvm")),
                new Project("edge", "Edge", List.of("alpha"), "org/edge", List.of(), List.of())));
        var jvm = github("jvm", "org/jvm", AT);
        jvm.topics = List.of("deep-learning");
        var edge = github("edge", "org/edge", AT);
        edge.topics = List.of("inference", "mobile");
        Evaluation e = evaluate(catalog, jvm.build(), edge.build(), maven("jvm", "org.jvm:jvm", AT).build());

        assertThat(raw(e, "alpha", "registries")).isEqualTo(1.0);
        assertThat(raw(e, "alpha", "deploymentProjects")).isEqualTo(1.0);
    }

    @Test
    void aMavenOnlySignalIsNotApplicableToAProjectWithoutMavenAndLeavesItsCoverageAlone() {
        Catalog catalog = new Catalog("test", List.of(new Framework("alpha", "Alpha", null)), List.of(
                new Project("py", "Py", List.of("alpha"), "org/py", List.of("py"), List.of())));
        Evaluation e = evaluate(catalog, github("py", "org/py", AT).build(), pypi("py", "py", AT).build());

        MaturityScore score = e.projects().get("py").maturity();
        assertThat(status(score, "preReleaseShare")).isEqualTo("not applicable");
        assertThat(score.coverage()).isEqualTo(1.0);
        assertThat(score.range().high()).isCloseTo(score.maturity(), within(0.001));
    }

    private Evaluation evaluate(Catalog catalog, Observation... observations) {
        return Scoring.evaluate(catalog, methodology, Fixtures.history(List.of(observations)), AT);
    }

    private static Observation downloads(String project, String pkg, long last30Days) {
        var p = pypi(project, pkg, AT);
        p.last30Days = last30Days;
        return p.build();
    }

    private static MaturityScore.SignalScore signal(MaturityScore score, String id) {
        return score.dimensions().stream().flatMap(d -> d.signals().stream()).filter(s -> s.signal().equals(id))
                .findFirst().orElseThrow();
    }

    private static String status(MaturityScore score, String id) {
        return signal(score, id).status();
    }

    private static Double raw(Evaluation e, String framework, String id) {
        return signal(e.frameworks().get(framework).maturity(), id).raw();
    }

    private static List<String> source(Evaluation e, String framework, String id) {
        return signal(e.frameworks().get(framework).maturity(), id).sources();
    }
}
