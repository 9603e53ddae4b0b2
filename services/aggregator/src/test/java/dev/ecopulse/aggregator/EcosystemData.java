package dev.ecopulse.aggregator;

import static dev.ecopulse.aggregator.TestObservations.github;
import static dev.ecopulse.aggregator.TestObservations.maven;
import static dev.ecopulse.aggregator.TestObservations.pypi;

import dev.ecopulse.contract.event.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic observations of the Keras and PaddlePaddle ecosystems over three collection runs (35 days, 5 days and 0
 * days before {@link #LAST_RUN}), with the gaps real collections have: a package whose pypistats downloads were rate
 * limited, a repository whose contributor count GitHub would not compute, an archived project.
 */
public final class EcosystemData {

    public static final Instant LAST_RUN = Instant.parse("2026-11-28T06:00:00Z");
    static final List<Duration> RUNS = List.of(Duration.ofDays(35), Duration.ofDays(5), Duration.ZERO);

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
            new Spec("paddle2onnx", "PaddlePaddle/Paddle2ONNX", "paddle2onnx", null, 870, 180, 60, 25, 400_000,
                    "2.0.1", 5, false, 70),
            new Spec("paddleseg", "PaddlePaddle/PaddleSeg", "paddleseg", null, 8_900, 1_700, 110, 8, 15_000,
                    "2.10.0", 5, false, 330),
            new Spec("onnxruntime", "microsoft/onnxruntime", "onnxruntime", "com.microsoft.onnxruntime:onnxruntime",
                    17_500, 3_400, 600, 1_300, 45_000_000, "1.23.2", 5, false, 20));

    private EcosystemData() {
    }

    public static List<Observation> keras() {
        return runs(KERAS);
    }

    public static List<Observation> paddle() {
        return runs(PADDLE);
    }

    /** Every run of every project, oldest run first. */
    static List<Observation> runs(List<Spec> specs) {
        List<Observation> all = new ArrayList<>();
        for (int run = 0; run < RUNS.size(); run++) {
            Instant at = LAST_RUN.minus(RUNS.get(run));
            double scale = 0.96 + 0.02 * run;
            boolean last = run == RUNS.size() - 1;
            for (Spec s : specs) {
                all.addAll(observe(s, at, scale, last));
            }
        }
        return all;
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
