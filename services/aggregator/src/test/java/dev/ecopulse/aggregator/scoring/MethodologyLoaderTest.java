package dev.ecopulse.aggregator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The shipped methodology is valid and complete; a broken one is refused with every problem named. */
class MethodologyLoaderTest {

    @Test
    void theShippedMethodologyUsesEverySignalOnItsLevels() {
        Methodology m = MethodologyLoader.loadDefault();
        assertThat(m.version()).isEqualTo("2026.4");
        assertThat(m.direction()).startsWith("Higher is better");
        assertThat(m.project().signals().map(Methodology.WeightedSignal::signal))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Signal.values())
                        .filter(s -> s.appliesTo(Level.PROJECT)).toList());
        assertThat(m.framework().signals().map(Methodology.WeightedSignal::signal))
                .containsExactlyInAnyOrder(Signal.values());
        assertThat(m.band(91)).isEqualTo("Rock Solid");
        assertThat(m.band(75)).isEqualTo("Healthy");
        assertThat(m.band(24.99)).isEqualTo("Critical");
    }

    @Test
    void namesEveryProblemOfABrokenFile() {
        assertThatThrownBy(() -> MethodologyLoader.load(Path.of("src/test/resources/invalid-methodology.yaml")))
                .isInstanceOf(MethodologyException.class)
                .hasMessageStartingWith("Invalid scoring methodology src/test/resources/invalid-methodology.yaml")
                .satisfies(e -> assertThat(((MethodologyException) e).problems()).containsExactlyInAnyOrder(
                        "'minimumCoverage' must be between 0 and 1, got 1.5",
                        "bands[1]: 'min' 95.0 must be below the previous band's 90.0 (bands go from the highest down)",
                        "the last band must start at 0 so that every score has a band",
                        "project.adoption.stars: 'weight' must be a positive number, got -2.0",
                        "project.adoption: unknown signal 'likes' (known: stars, forks, downloads30d, dependents,"
                                + " commits90d, issuesClosed90d, releases365d, daysSinceRelease, daysSincePush,"
                                + " contributors, watchers, ageMonths, developmentStatus, finalReleaseShare,"
                                + " releaseIntervalDays, preReleaseShare, yankedShare, registries, languages,"
                                + " deploymentProjects, npmDownloads30d, hubModels, topModelsAvailable,"
                                + " topModelsExclusive, questions30d, questionsTotal, answeredShare, works365d,"
                                + " activeShare)",
                        "project.reach.languages: signal 'languages' only applies to frameworks",
                        "framework.activity.stars: signal 'stars' is in more than one place of the framework model",
                        "framework.activity.commits90d: 'threshold' must be a positive number, got 0.0",
                        "'momentum.minimumCoverage' must be above 0 and at most 1, got 0.0",
                        "'momentum.steadyWithin' bands must not be negative, got 0.05 and -0.1",
                        "momentum: unknown signal 'hype' (known: downloads, commits, releases, stars, forks,"
                                + " contributors, dependents, npmDownloads, questions, models, works)"));
    }

    @Test
    void refusesAMissingFileAndUnknownKeys() {
        assertThatThrownBy(() -> MethodologyLoader.load(Path.of("no-such-file.yaml")))
                .hasMessageContaining("no-such-file.yaml").hasMessageContaining("file not found");
        assertThatThrownBy(() -> Fixtures.methodology("version: x\nweights: {}\n"))
                .hasMessageContaining("unknown key 'weights'");
    }
}
