package dev.ecopulse.huggingface.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.contract.event.HuggingfaceObservation;
import dev.ecopulse.huggingface.client.HubModel;
import dev.ecopulse.huggingface.support.HubFixture;
import dev.ecopulse.huggingface.support.HubStubs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each catalog framework holds of the most downloaded models. */
class TopModelsTest {

    static final Map<String, List<String>> CATALOG = new LinkedHashMap<>();

    static {
        CATALOG.put("pytorch", List.of("pytorch"));
        CATALOG.put("tensorflow", List.of("tf"));
        CATALOG.put("jax", List.of("jax"));
        CATALOG.put("keras", List.of("keras", "tf-keras"));
    }

    static final TopModels SAMPLE = TopModels.of(List.of(
            model("google-bert/bert-base-uncased", 56_000_000, 2_400, "transformers",
                    "transformers", "pytorch", "tf", "jax", "safetensors", "bert"),
            model("openai/clip-vit-base-patch32", 20_000_000, 700, "transformers", "transformers", "pytorch", "clip"),
            // weights in safetensors only: no library tag of the catalog, though transformers loads it in PyTorch
            model("Qwen/Qwen2.5-7B-Instruct", 9_000_000, 800, "transformers", "transformers", "safetensors", "qwen2"),
            model("keras-io/ocr", 1_000, 10, "keras", "keras"),
            model("google/vit-keras", 2_000, 5, "tf-keras", "tf-keras", "tf"),
            model("sentence-transformers/all-MiniLM-L6-v2", 90_000_000, 3_000, "sentence-transformers",
                    "sentence-transformers", "PyTorch", "onnx")));

    @Test
    void countsAvailableExclusiveAndSharedModels() {
        HuggingfaceObservation.TopModels pytorch = SAMPLE.census("pytorch", CATALOG, new HashMap<>());

        assertThat(pytorch).isEqualTo(new HuggingfaceObservation.TopModels(6, 3L, 2L, 1L, 1L,
                166_000_000L, 110_000_000L, 6_100L));
    }

    @Test
    void aModelWithTwoOfAFrameworksTagsIsSharedOnlyWithOtherFrameworks() {
        HuggingfaceObservation.TopModels keras = SAMPLE.census("keras", CATALOG, new HashMap<>());
        HuggingfaceObservation.TopModels tensorflow = SAMPLE.census("tensorflow", CATALOG, new HashMap<>());

        assertThat(keras.available()).isEqualTo(2);
        assertThat(keras.exclusive()).isEqualTo(1);
        assertThat(keras.exclusiveDownloads30d()).isEqualTo(1_000);
        assertThat(tensorflow.available()).isEqualTo(2);
        assertThat(tensorflow.exclusive()).isZero();
        assertThat(tensorflow.noneOfCatalog()).isEqualTo(1);
    }

    @Test
    void theLibraryNameCountsLikeATag() {
        TopModels sample = TopModels.of(List.of(model("someone/paddle-ocr", 10, 1, "paddlepaddle", "ocr")));
        Map<String, List<String>> catalog = Map.of("paddlepaddle", List.of("paddlepaddle"));

        assertThat(sample.census("paddlepaddle", catalog, new HashMap<>()).exclusive()).isEqualTo(1);
    }

    @Test
    void aModelWithoutDownloadsLeavesTheSumsMissing() {
        TopModels sample = TopModels.of(List.of(new HubModel("a/b", null, null, 3L, List.of("jax"), null)));
        Map<String, String> missing = new HashMap<>();

        HuggingfaceObservation.TopModels jax = sample.census("jax", CATALOG, missing);

        assertThat(jax.available()).isEqualTo(1);
        assertThat(jax.downloads30d()).isNull();
        assertThat(jax.likes()).isEqualTo(3);
        assertThat(missing).containsEntry("topModels.downloads30d", "the Hub gave no downloads for a/b");
    }

    @Test
    void aNextLinkThatRepeatsModelsAlreadyReadEndsThePaging() throws Exception {
        try (HubFixture hub = new HubFixture()) {
            String page = HubStubs.popularJson(List.of(new HubStubs.Popular("keras-io/ocr", 10, 1, "keras",
                    List.of("keras"))));
            String loop = HubStubs.topQuery(3) + "&cursor=top-2";
            hub.wireMock.stubFor(HubStubs.topPage(null).willReturn(hub.stubs.page(page, loop, 499)));
            hub.wireMock.stubFor(HubStubs.topPage("top-2").willReturn(hub.stubs.page(page, loop, 498)));
            RecordingRun run = new RecordingRun(List.of());

            TopModels top = TopModels.read(hub.client(hub.config()), 5, run, new ArrayList<>());

            assertThat(top.census("keras", CATALOG, new HashMap<>()).sampleSize()).isEqualTo(1);
            assertThat(run.cost).isEqualTo(2);
        }
    }

    private static HubModel model(String id, long downloads, long likes, String library, String... tags) {
        return new HubModel(id, null, downloads, likes, List.of(tags), library);
    }
}
