package dev.ecopulse.aggregator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.HuggingfaceObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.NpmObservation;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.ResearchObservation;
import dev.ecopulse.contract.event.StackexchangeObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signals observed for a framework as a whole (model hub, questions, research) and npm's JavaScript reach: read from
 * the framework's own subjects, explained with their sources, shared across frameworks, and not applicable where the
 * catalog gives a framework no subject.
 */
class FrameworkLevelScoringTest {

    static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");

    final Methodology methodology = MethodologyLoader.loadDefault();

    final Catalog catalog = new Catalog("test", List.of(
            new Framework("alpha", "Alpha", null, List.of("alpha"), List.of("alpha"), "\"Alpha\""),
            new Framework("beta", "Beta", null, List.of("beta-lib"), List.of("beta"), "\"Beta\""),
            new Framework("gamma", "Gamma", null)), List.of(
            new Project("a", "A", Map.of("alpha", 1.0), true, "org/a", List.of("a"), List.of(),
                    List.of("@alpha/web", "alpha-node"), Map.of("alpha-node", "@alpha/web")),
            new Project("b", "B", List.of("beta"), "org/b", List.of("b"), List.of()),
            new Project("g", "G", List.of("gamma"), "org/g", List.of("g"), List.of())));

    @Test
    void frameworkSignalsComeFromTheFrameworksOwnSubjectsWithTheirSources() {
        Evaluation e = Scoring.evaluate(catalog, methodology, Fixtures.history(observations()), AT);

        MaturityScore.SignalScore models = signal(e, "alpha", "hubModels");
        assertThat(models.raw()).isEqualTo(120_000.0);
        assertThat(models.sources()).containsExactly("huggingface alpha models.tagged");
        assertThat(signal(e, "alpha", "topModelsAvailable").raw()).isEqualTo(0.6);
        assertThat(signal(e, "alpha", "questions30d").raw()).isEqualTo(400.0);
        assertThat(signal(e, "alpha", "answeredShare").raw()).isEqualTo(0.55);
        assertThat(signal(e, "alpha", "works365d").sources()).containsExactly("research \"Alpha\" works.lastYear");
        // a framework the catalog gives no tags or search is not judged on them
        assertThat(signal(e, "gamma", "hubModels").status()).isEqualTo(MaturityScore.Gap.NOT_APPLICABLE);
        assertThat(signal(e, "gamma", "questions30d").status()).isEqualTo(MaturityScore.Gap.NOT_APPLICABLE);
    }

    @Test
    void aSignalTheCollectorCouldNotGetIsMissingWithItsReason() {
        Evaluation e = Scoring.evaluate(catalog, methodology, Fixtures.history(observations()), AT);

        MaturityScore.SignalScore works = signal(e, "beta", "works365d");
        assertThat(works.raw()).isNull();
        assertThat(works.note()).contains("daily budget spent");
        assertThat(e.frameworks().get("beta").maturity().coverage())
                .isLessThan(e.frameworks().get("alpha").maturity().coverage());
    }

    @Test
    void sharesOfFrameworkLevelMeasuresAreOfTheSumOverFrameworks() {
        Evaluation e = Scoring.evaluate(catalog, methodology, Fixtures.history(observations()), AT);

        // hub models: 120,000 of 120,000 + 30,000; exclusive top models: 500 of 500 + 100; questions 400 of 500
        assertThat(share(e, "alpha", "hubModels")).isEqualTo(80.0);
        assertThat(share(e, "beta", "hubModels")).isEqualTo(20.0);
        assertThat(share(e, "alpha", "topModelsExclusive")).isEqualTo(83.33);
        assertThat(share(e, "alpha", "questions30d")).isEqualTo(80.0);
        assertThat(e.frameworks().get("gamma").shares().get("questions30d").percent()).isNull();
        // beta's works are missing: no share, and alpha's share says who has no value
        assertThat(e.frameworks().get("beta").shares().get("works365d").percent()).isNull();
        assertThat(e.frameworks().get("alpha").shares().get("works365d").note()).contains("beta");
    }

    @Test
    void npmDownloadsAreJavaScriptReachWithCompanionsCountedOnce() {
        Evaluation e = Scoring.evaluate(catalog, methodology, Fixtures.history(observations()), AT);

        MaturityScore.SignalScore npm = e.projects().get("a").maturity().dimensions().stream()
                .flatMap(d -> d.signals().stream()).filter(s -> s.signal().equals("npmDownloads30d")).findFirst()
                .orElseThrow();
        // alpha-node is installed with @alpha/web: the larger of the two counts, not the sum
        assertThat(npm.raw()).isEqualTo(2_000_000.0);
        assertThat(signal(e, "alpha", "npmDownloads30d").raw()).isEqualTo(2_000_000.0);
        assertThat(share(e, "alpha", "npmDownloads30d")).isEqualTo(100.0);
        assertThat(e.projects().get("b").maturity().dimensions().stream().flatMap(d -> d.signals().stream())
                .filter(s -> s.signal().equals("npmDownloads30d")).findFirst().orElseThrow().status())
                .isEqualTo(MaturityScore.Gap.NOT_APPLICABLE);
    }

    @Test
    void questionAndModelMomentumFollowEachFrameworksOwnWindows() {
        Evaluation e = Scoring.evaluate(catalog, methodology, Fixtures.history(observations()), AT);

        Momentum.Window alpha = growth(e, "alpha", "questions").days30();
        Momentum.Window beta = growth(e, "beta", "questions").days30();
        assertThat(alpha.now()).isEqualTo(400.0);
        assertThat(alpha.before()).isEqualTo(500.0);
        // the catalog's questions: 500 now, 700 before; alpha's share 80 % from 71.43 %
        assertThat(alpha.sharePercent()).isEqualTo(80.0);
        assertThat(beta.sharePercent()).isEqualTo(20.0);
        assertThat(alpha.inIndex()).isTrue();
        // gamma has no tags, so it is not compared on questions and the others still are
        assertThat(growth(e, "gamma", "questions").days30().status()).isEqualTo(Momentum.NOT_APPLICABLE);
        assertThat(growth(e, "alpha", "models").days30().now()).isEqualTo(3_000.0);
    }

    private List<Observation> observations() {
        List<Observation> all = new ArrayList<>();
        all.add(new HuggingfaceObservation("alpha", List.of("alpha"), AT, "r", SubjectStatus.FOUND,
                new HuggingfaceObservation.Models(120_000L, 3_000L, 2_500L),
                new HuggingfaceObservation.TopModels(1000, 600L, 500L, 100L, 300L, 5_000_000_000L, 4_000_000_000L,
                        90_000L), List.of()));
        all.add(new HuggingfaceObservation("beta", List.of("beta-lib"), AT, "r", SubjectStatus.FOUND,
                new HuggingfaceObservation.Models(30_000L, 200L, 300L),
                new HuggingfaceObservation.TopModels(1000, 200L, 100L, 100L, 300L, 900_000_000L, 300_000_000L,
                        10_000L), List.of()));
        all.add(new StackexchangeObservation("alpha", "stackoverflow", List.of("alpha"), AT, "r", SubjectStatus.FOUND,
                new StackexchangeObservation.Questions(25_000L, 400L, 500L, 5_500L, 0.55), List.of()));
        all.add(new StackexchangeObservation("beta", "stackoverflow", List.of("beta"), AT, "r", SubjectStatus.FOUND,
                new StackexchangeObservation.Questions(80_000L, 100L, 200L, 1_800L, 0.48), List.of()));
        all.add(new ResearchObservation("alpha", "\"Alpha\"", AT, "r", SubjectStatus.FOUND,
                new ResearchObservation.Works(40_000L, 35_000L, LocalDate.parse("2026-09-29")), List.of()));
        all.add(new ResearchObservation("beta", "\"Beta\"", AT, "r", SubjectStatus.FOUND, null,
                List.of(new MissingSignal("works", "the daily budget spent (no API key: $0.01 a day)"))));
        all.add(npm("@alpha/web", 2_000_000L));
        all.add(npm("alpha-node", 1_500_000L));
        return all;
    }

    private static NpmObservation npm(String name, long lastMonth) {
        return new NpmObservation("a", name, AT, "r", SubjectStatus.FOUND,
                new NpmObservation.Registry("1.0.0", Instant.parse("2020-01-01T00:00:00Z"), AT, 20L, 4L, 30.0, 10L,
                        false, "MIT"),
                new NpmObservation.Downloads(60_000L, 400_000L, lastMonth, null), List.of());
    }

    private static MaturityScore.SignalScore signal(Evaluation e, String framework, String id) {
        return e.frameworks().get(framework).maturity().dimensions().stream().flatMap(d -> d.signals().stream())
                .filter(s -> s.signal().equals(id)).findFirst().orElseThrow();
    }

    private static Double share(Evaluation e, String framework, String measure) {
        return e.frameworks().get(framework).shares().get(measure).percent();
    }

    private static Momentum.Growth growth(Evaluation e, String framework, String signal) {
        return e.frameworks().get(framework).momentum().signals().stream().filter(g -> g.signal().equals(signal))
                .findFirst().orElseThrow();
    }
}
