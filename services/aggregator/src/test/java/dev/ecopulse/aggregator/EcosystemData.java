package dev.ecopulse.aggregator;

import static dev.ecopulse.aggregator.TestObservations.github;
import static dev.ecopulse.aggregator.TestObservations.maven;
import static dev.ecopulse.aggregator.TestObservations.pypi;

import dev.ecopulse.contract.event.HuggingfaceObservation;
import dev.ecopulse.contract.event.NpmObservation;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.ResearchObservation;
import dev.ecopulse.contract.event.StackexchangeObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic observations of the Keras and PaddlePaddle ecosystems over three collection runs (35 days, 5 days and 0
 * days before {@link #LAST_RUN}), with the gaps real collections have: a package whose pypistats downloads were rate
 * limited, a repository whose contributor count GitHub would not compute, an archived project. Each run also observes
 * the frameworks themselves (Hub models, Stack Overflow questions, research works) and their npm packages.
 */
public final class EcosystemData {

    public static final Instant LAST_RUN = Instant.parse("2026-11-28T06:00:00Z");
    static final List<Duration> RUNS = List.of(Duration.ofDays(35), Duration.ofDays(5), Duration.ZERO);

    /** A framework as the framework-level collectors see it in the last run, with the default catalog's subjects. */
    record FrameworkSpec(String frameworkId, List<String> libraries, List<String> tags, String search, long models,
            long topAvailable, long topExclusive, long questionsTotal, long questions30d, long works) {
    }

    /** An npm package of a project in the last run. */
    record NpmSpec(String projectId, String packageName, long lastMonth) {
    }

    static final FrameworkSpec KERAS_ITSELF = new FrameworkSpec("keras", List.of("keras", "tf-keras"),
            List.of("keras"), "\"Keras\"", 14_000, 60, 12, 43_000, 90, 21_000);
    static final FrameworkSpec PADDLE_ITSELF = new FrameworkSpec("paddlepaddle", List.of("paddlepaddle"),
            List.of("paddlepaddle"), "\"PaddlePaddle\"", 2_100, 8, 5, 900, 6, 2_400);
    static final List<NpmSpec> PADDLE_NPM = List.of(new NpmSpec("paddle-js", "@paddlejs/paddlejs-core", 3_000),
            new NpmSpec("onnxruntime", "onnxruntime-web", 2_400_000),
            new NpmSpec("onnxruntime", "onnxruntime-node", 1_900_000));

    /** One project as the collectors see it in the last run; earlier runs scale its counts down a little. */
    record Spec(String projectId, String repository, String pypiPackage, String mavenArtifact, long stars, long forks,
            long contributors, long commits, long downloads, String version, int developmentStatus, boolean archived,
            int daysSinceRelease) {
    }

    static final List<Spec> KERAS = List.of(
            new Spec("keras-core", "keras-team/keras", "keras", null, 63_500, 19_700, 1_420, 520, 13_200_000,
                    "3.12.0", 5, false, 21),
            new Spec("keras-hub", "keras-team/keras-hub", "keras-hub", null, 900, 300, 150, 210, 450_000, "0.23.0",
                    4, false, 12),
            new Spec("keras-tuner", "keras-team/keras-tuner", "keras-tuner", null, 2_900, 400, 60, 12, 1_100_000,
                    "1.4.7", 5, false, 290),
            new Spec("keras-cv", "keras-team/keras-cv", "keras-cv", null, 1_050, 330, 120, 30, 300_000, "0.9.0", 4,
                    false, 160),
            new Spec("tf-keras", "keras-team/tf-keras", "tf-keras", null, 110, 40, 40, 60, 9_800_000, "2.20.1", 5,
                    false, 30),
            new Spec("autokeras", "keras-team/autokeras", "autokeras", null, 9_200, 1_400, 145, 3, 60_000, "2.0.0",
                    4, false, 400),
            new Spec("keras-mxnet", "awslabs/keras-apache-mxnet", "keras-mxnet", null, 290, 60, 30, 0, 1_200,
                    "2.2.4.3", 7, true, 2_100),
            new Spec("tf2onnx", "onnx/tensorflow-onnx", "tf2onnx", null, 2_400, 450, 110, 40, 2_500_000, "1.16.1",
                    5, false, 200));

    static final List<Spec> PADDLE = List.of(
            new Spec("paddle", "PaddlePaddle/Paddle", "paddlepaddle", null, 23_000, 5_700, 1_100, 1_900, 150_000,
                    "3.2.1", 5, false, 18),
            new Spec("paddleocr", "PaddlePaddle/PaddleOCR", "paddleocr", null, 56_000, 8_000, 300, 350, 900_000,
                    "3.3.0", 5, false, 9),
            new Spec("paddlenlp", "PaddlePaddle/PaddleNLP", "paddlenlp", null, 12_800, 3_000, 260, 90, 80_000,
                    "3.0.0b4", 4, false, 120),
            new Spec("paddlex", "PaddlePaddle/PaddleX", "paddlex", null, 5_500, 900, 90, 300, 20_000, "3.3.4", 4,
                    false, 14),
            new Spec("paddle-lite", "PaddlePaddle/Paddle-Lite", "paddlelite", null, 7_100, 1_600, 170, 5, 5_000,
                    "2.14rc0", 4, false, 500),
            new Spec("paddle-js", "PaddlePaddle/Paddle.js", null, null, 1_100, 170, 40, 4, 0, "1.4.0", 0, false,
                    200),
            new Spec("paddle2onnx", "PaddlePaddle/Paddle2ONNX", "paddle2onnx", null, 870, 180, 60, 25, 400_000,
                    "2.0.1", 5, false, 70),
            new Spec("paddleseg", "PaddlePaddle/PaddleSeg", "paddleseg", null, 8_900, 1_700, 110, 8, 15_000,
                    "2.10.0", 5, false, 330),
            new Spec("onnxruntime", "microsoft/onnxruntime", "onnxruntime", "com.microsoft.onnxruntime:onnxruntime",
                    17_500, 3_400, 600, 1_300, 45_000_000, "1.23.2", 5, false, 20));

    private EcosystemData() {
    }

    public static List<Observation> keras() {
        return runs(KERAS, KERAS_ITSELF, List.of());
    }

    public static List<Observation> paddle() {
        return runs(PADDLE, PADDLE_ITSELF, PADDLE_NPM);
    }

    /** Every run of every project and of the framework itself, oldest run first. */
    static List<Observation> runs(List<Spec> specs, FrameworkSpec framework, List<NpmSpec> npm) {
        List<Observation> all = new ArrayList<>();
        for (int run = 0; run < RUNS.size(); run++) {
            Instant at = LAST_RUN.minus(RUNS.get(run));
            double scale = 0.96 + 0.02 * run;
            boolean last = run == RUNS.size() - 1;
            for (Spec s : specs) {
                all.addAll(observe(s, at, scale, last));
            }
            all.addAll(observe(framework, at, scale));
            for (NpmSpec n : npm) {
                all.add(new NpmObservation(n.projectId(), n.packageName(), at, "run-" + run, SubjectStatus.FOUND,
                        new NpmObservation.Registry("1.4.0", Instant.parse("2021-03-01T00:00:00Z"),
                                at.minus(Duration.ofDays(40)), 30L, 6L, 45.0, 40L, false, "MIT"),
                        new NpmObservation.Downloads(n.lastMonth() / 30, n.lastMonth() / 4,
                                Math.round(n.lastMonth() * scale), null), List.of()));
            }
        }
        return all;
    }

    static List<Observation> observe(FrameworkSpec f, Instant at, double scale) {
        String run = "run-" + at;
        LocalDate through = at.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(60);
        return List.of(
                new HuggingfaceObservation(f.frameworkId(), f.libraries(), at, run, SubjectStatus.FOUND,
                        new HuggingfaceObservation.Models(Math.round(f.models() * scale), f.models() / 50,
                                f.models() / 55),
                        new HuggingfaceObservation.TopModels(1000, f.topAvailable(), f.topExclusive(),
                                f.topAvailable() - f.topExclusive(), 310L, f.topAvailable() * 2_000_000,
                                f.topExclusive() * 2_000_000, f.topAvailable() * 40), List.of()),
                new StackexchangeObservation(f.frameworkId(), "stackoverflow", f.tags(), at, run, SubjectStatus.FOUND,
                        new StackexchangeObservation.Questions(Math.round(f.questionsTotal() * scale),
                                f.questions30d(), Math.round(f.questions30d() * 1.1), f.questions30d() * 13, 0.52),
                        List.of()),
                new ResearchObservation(f.frameworkId(), f.search(), at, run, SubjectStatus.FOUND,
                        new ResearchObservation.Works(f.works(), Math.round(f.works() * 0.9), through), List.of()));
    }

    static List<Observation> observe(Spec s, Instant at, double scale, boolean lastRun) {
        List<Observation> observed = new ArrayList<>();
        var g = github(s.projectId(), s.repository(), at);
        g.stars = Math.round(s.stars() * scale);
        g.forks = Math.round(s.forks() * scale);
        g.watchers = Math.max(1, s.stars() / 30);
        g.contributors = Math.round(s.contributors() * scale);
        g.commitsLast90Days = s.commits();
        g.commitsPrevious90Days = Math.round(s.commits() * 0.9);
        g.issuesClosedLast90Days = s.commits() / 2;
        g.releasesLast365Days = s.archived() ? 0L : Math.max(1, 365L / Math.max(30, s.daysSinceRelease()));
        g.sinceRelease = Duration.ofDays(s.daysSinceRelease());
        g.sincePush = s.archived() ? Duration.ofDays(1_900) : Duration.ofDays(2);
        g.archived = s.archived();
        g.primaryLanguage = s.repository().contains("onnxruntime") || s.repository().contains("Paddle-Lite")
                ? "C++" : "Python";
        g.topics = s.repository().contains("onnx") || s.repository().contains("Lite")
                ? List.of("deep-learning", "inference", "onnx") : List.of("deep-learning", "machine-learning");
        if (lastRun && s.projectId().equals("tf2onnx")) {
            g.withoutContributors("GitHub answered 202: contributor statistics are still being computed");
        }
        observed.add(g.build());
        if (s.pypiPackage() != null) {
            var p = pypi(s.projectId(), s.pypiPackage(), at);
            p.latestVersion = s.version();
            p.developmentStatus = s.developmentStatus();
            p.daysSinceLatestRelease = (long) s.daysSinceRelease();
            p.releasesLast365Days = g.releasesLast365Days;
            p.last30Days = Math.round(s.downloads() * scale);
            p.previous30Days = Math.round(s.downloads() * scale * 0.93);
            p.last90Days = p.last30Days * 3;
            p.previous90Days = Math.round(p.last90Days * 0.9);
            p.dependentsDirect = Math.max(0, s.stars() / 20);
            if (lastRun && s.projectId().equals("autokeras")) {
                p.withoutDownloads("pypistats answered 429 Too Many Requests all day");
            }
            observed.add(p.build());
        }
        if (s.mavenArtifact() != null) {
            var m = maven(s.projectId(), s.mavenArtifact(), at);
            m.highestVersion = s.version();
            m.dependentsDirect = 350L;
            observed.add(m.build());
        }
        return observed;
    }
}
