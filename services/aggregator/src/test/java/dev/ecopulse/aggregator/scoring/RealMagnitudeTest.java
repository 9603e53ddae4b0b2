package dev.ecopulse.aggregator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.aggregator.TestObservations;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.Observation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * PyTorch, TensorFlow and MXNet at real magnitudes, scored with the shipped methodology and default catalog. Where
 * each figure comes from (also in docs/scoring.md): PyPI 30-day downloads of every catalog package are the real
 * counts of the 2023-12-01 snapshot in src/test/resources/real; the GitHub figures of the three frameworks'
 * repositories are approximate: stars, forks and contributors rounded as their GitHub pages showed them around
 * December 2023, commits in 90 days estimated from the commit rates of the time (PyTorch merged about 40 commits a
 * day, TensorFlow about 25; MXNet was archived in November 2023 and its satellites had stopped). Nothing else is
 * observed (no dependents, no releases beyond the test defaults), so coverage is partial on purpose.
 */
class RealMagnitudeTest {

    static final Instant AT = Instant.parse("2023-12-01T12:00:00Z");

    record Repository(String project, String name, long stars, long forks, long contributors, long commits90d,
            boolean archived) {
    }

    static final List<Repository> CORE = List.of(
            new Repository("torch", "pytorch/pytorch", 76_000, 21_000, 3_300, 3_600, false),
            new Repository("torchvision", "pytorch/vision", 15_000, 6_800, 580, 300, false),
            new Repository("torchaudio", "pytorch/audio", 2_300, 600, 220, 150, false),
            new Repository("lightning", "Lightning-AI/pytorch-lightning", 26_000, 3_200, 900, 250, false),
            new Repository("timm", "huggingface/pytorch-image-models", 29_000, 4_500, 130, 60, false),
            new Repository("torchserve", "pytorch/serve", 3_900, 800, 190, 120, false),
            new Repository("torchrl", "pytorch/rl", 1_700, 250, 120, 300, false),
            new Repository("transformers", "huggingface/transformers", 120_000, 24_000, 2_300, 900, false),
            new Repository("tensorflow-core", "tensorflow/tensorflow", 181_000, 74_000, 3_500, 2_300, false),
            new Repository("tensorflow-serving", "tensorflow/serving", 6_100, 2_200, 200, 150, false),
            new Repository("tfx", "tensorflow/tfx", 2_100, 700, 160, 250, false),
            new Repository("tensorflow-probability", "tensorflow/probability", 4_100, 1_100, 190, 80, false),
            new Repository("tensorflow-datasets", "tensorflow/datasets", 4_200, 1_500, 300, 150, false),
            new Repository("tensorflow-hub", "tensorflow/hub", 3_400, 1_700, 100, 10, false),
            new Repository("tfjs", "tensorflow/tfjs", 18_000, 2_000, 400, 60, false),
            new Repository("tflite-support", "tensorflow/tflite-support", 400, 100, 40, 10, false),
            new Repository("tensorflow-java", "tensorflow/java", 800, 200, 40, 30, false),
            new Repository("mxnet-core", "apache/mxnet", 20_700, 6_800, 870, 0, true),
            new Repository("gluoncv", "dmlc/gluon-cv", 5_700, 1_200, 110, 0, false),
            new Repository("gluonnlp", "dmlc/gluon-nlp", 2_500, 500, 80, 0, false),
            new Repository("gluonts", "awslabs/gluonts", 4_100, 700, 100, 60, false),
            new Repository("multi-model-server", "awslabs/multi-model-server", 1_000, 200, 40, 0, false),
            new Repository("keras-mxnet", "awslabs/keras-apache-mxnet", 300, 60, 30, 0, true));

    @Test
    void pytorchAndTensorflowDifferClearlyInTheDirectionOfTheEvidenceAndMxnetIsNotInTheTopBands() throws IOException {
        Catalog catalog = CatalogLoader.loadDefault();
        Methodology methodology = MethodologyLoader.loadDefault();
        List<Observation> observations = new ArrayList<>();
        Map<String, Long> downloads = downloads("2023-12-01");
        for (Project p : catalog.projects()) {
            for (String pkg : p.pypi()) {
                if (downloads.containsKey(pkg)) {
                    var o = TestObservations.pypi(p.id(), pkg, AT);
                    o.last30Days = downloads.get(pkg);
                    observations.add(o.build());
                }
            }
        }
        for (Repository r : CORE) {
            var g = TestObservations.github(r.project(), r.name(), AT).stars(r.stars()).contributors(r.contributors());
            g.forks = r.forks();
            g.commitsLast90Days = r.commits90d();
            g.archived = r.archived();
            if (r.archived() || r.commits90d() == 0) {
                g.sincePush = Duration.ofDays(400);
                g.sinceRelease = Duration.ofDays(600);
                g.releasesLast365Days = 0L;
            }
            observations.add(g.build());
        }
        Evaluation e = Scoring.evaluate(catalog, methodology, Fixtures.history(observations), AT);
        SubjectScore pytorch = e.frameworks().get("pytorch");
        SubjectScore tensorflow = e.frameworks().get("tensorflow");
        SubjectScore mxnet = e.frameworks().get("mxnet");
        System.out.printf("maturity: pytorch %s (%s, coverage %s), tensorflow %s (%s, coverage %s), mxnet %s (%s)%n",
                pytorch.maturity().maturity(), pytorch.maturity().band(), pytorch.maturity().coverage(),
                tensorflow.maturity().maturity(), tensorflow.maturity().band(), tensorflow.maturity().coverage(),
                mxnet.maturity().maturity(), mxnet.maturity().band());
        System.out.printf("downloads share: pytorch %s, tensorflow %s, mxnet %s%n",
                pytorch.shares().get("downloads30d").percent(), tensorflow.shares().get("downloads30d").percent(),
                mxnet.shares().get("downloads30d").percent());

        double epsilon = 1.0;
        assertThat(pytorch.maturity().maturity() - tensorflow.maturity().maturity()).isGreaterThan(2 * epsilon);
        assertThat(pytorch.shares().get("downloads30d").percent() - tensorflow.shares().get("downloads30d").percent())
                .isGreaterThan(2 * epsilon);
        assertThat(mxnet.maturity().band()).isNotIn("Rock Solid", "Healthy");
        assertThat(mxnet.maturity().maturity()).isLessThan(tensorflow.maturity().maturity() - 10);
    }

    static Map<String, Long> downloads(String snapshot) throws IOException {
        Map<String, Long> downloads = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                RealMagnitudeTest.class.getResourceAsStream(RealDownloadsBacktestTest.DATA)),
                StandardCharsets.UTF_8))) {
            in.lines().skip(1).map(l -> l.split(",")).filter(f -> f[0].equals(snapshot))
                    .forEach(f -> downloads.put(f[1], Long.parseLong(f[2])));
        }
        return downloads;
    }
}
