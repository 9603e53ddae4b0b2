package dev.ecopulse.huggingface.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.event.HuggingfaceObservation;
import dev.ecopulse.huggingface.client.HubClient;
import dev.ecopulse.huggingface.support.HubFixture;
import dev.ecopulse.huggingface.support.HubStubs;
import dev.ecopulse.huggingface.support.HubStubs.Created;
import dev.ecopulse.huggingface.support.HubStubs.Popular;
import dev.ecopulse.huggingface.support.TestConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The run as a whole: its targets from the catalog, and a used-up bucket pausing it visibly. */
class HuggingfaceCollectorTest {

    HubFixture hub;

    @BeforeEach
    void start() {
        hub = new HubFixture();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void oneTargetPerDefaultCatalogFrameworkWithItsTagsJoined() {
        HuggingfaceCollector collector = collector(hub.config());

        assertThat(collector.targets(CatalogLoader.loadDefault())).containsExactly(
                new CollectionTarget("pytorch", "pytorch"), new CollectionTarget("tensorflow", "tf"),
                new CollectionTarget("jax", "jax"), new CollectionTarget("keras", "keras,tf-keras"),
                new CollectionTarget("paddlepaddle", "paddlepaddle"), new CollectionTarget("mxnet", "mxnet"));
    }

    @Test
    void aUsedUpBucketPausesTheRunUntilTheWindowResets() throws Exception {
        // the most downloaded models' page leaves no request in the window
        hub.wireMock.stubFor(HubStubs.topPage(null).willReturn(hub.stubs.page(HubStubs.popularJson(List.of(
                new Popular("keras-io/ocr", 1_000, 10, "keras", List.of("keras")))), null, 0, 200)));
        hub.stubs.tagged("jax", List.of(new Created("google/a", hub.time.now().minus(Duration.ofDays(3)))));
        RecordingRun run = new RecordingRun(List.of(new CollectionTarget("jax", "jax")));
        hub.time.activityFrom(() -> run.status);

        collector(hub.config()).collect(run);

        assertThat(hub.time.waitsWhile("bucket is used up")).containsExactly(Duration.ofSeconds(201));
        assertThat(run.statuses).containsSubsequence("reading the 5 most downloaded models (page 1)",
                "reading jax's models tagged jax (page 1)",
                "waiting 201 s: the Hugging Face API bucket is used up (0 of 500 requests left in this 5-minute"
                        + " window, reset in 200 s)");
        assertThat(run.published).singleElement().satisfies(o -> assertThat(((HuggingfaceObservation) o).models())
                .isEqualTo(new HuggingfaceObservation.Models(1L, 1L, 0L)));
        assertThat(run.series).hasSize(1);
        assertThat(run.errors).isEmpty();
        assertThat(run.status).isNull();
    }

    private HuggingfaceCollector collector(TestConfig config) {
        HubClient client = hub.client(config);
        return new HuggingfaceCollector(new FrameworkObserver(client, config, hub.time), client, config);
    }
}
