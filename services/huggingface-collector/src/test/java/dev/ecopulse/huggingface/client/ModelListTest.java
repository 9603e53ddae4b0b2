package dev.ecopulse.huggingface.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.client.Fetched;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelListTest {

    @Test
    void readsTheExpandedFields() {
        Fetched<List<HubModel>> page = ModelList.read("""
                [{"_id":"621ffdc036468d709f174338","id":"google-bert/bert-base-uncased","likes":2487,
                  "downloads":56018437,"library_name":"transformers","tags":["transformers","pytorch","tf","jax",
                  "safetensors","bert","fill-mask"],"createdAt":"2022-03-02T23:29:04.000Z"}]""");

        assertThat(page.value()).containsExactly(new HubModel("google-bert/bert-base-uncased",
                Instant.parse("2022-03-02T23:29:04Z"), 56018437L, 2487L,
                List.of("transformers", "pytorch", "tf", "jax", "safetensors", "bert", "fill-mask"), "transformers"));
    }

    @Test
    void fieldsOfAnotherTypeAreAbsentNotGuessed() {
        HubModel model = ModelList.read("[{\"id\":\"a/b\",\"downloads\":\"many\",\"likes\":-1,\"createdAt\":\"soon\"}]")
                .value().get(0);

        assertThat(model).isEqualTo(new HubModel("a/b", null, null, null, null, null));
    }

    @Test
    void anythingButAnArrayOfModelsIsMalformed() {
        assertThat(ModelList.read("{\"error\":\"Invalid filter\"}").missingReason())
                .isEqualTo("the Hub answered a malformed model list (not a JSON array)");
        assertThat(ModelList.read("[{\"id\":\"a/b\"},{\"_id\":\"x\"}]").missingReason())
                .isEqualTo("the Hub answered a malformed model list (entry 1 has no id)");
        assertThat(ModelList.read("[{\"id\":\"a/b\"}").value()).isNull();
        assertThat(ModelList.read("[] []").value()).isNull();
        assertThat(ModelList.read("").value()).isNull();
    }
}
