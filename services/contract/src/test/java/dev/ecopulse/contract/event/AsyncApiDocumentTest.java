package dev.ecopulse.contract.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/events/asyncapi.yaml names exactly the contract's topics, types and schema files. */
class AsyncApiDocumentTest {

    private static final Path DOCS = Path.of("../../docs/events");

    @Test
    void channelsAreTheContractTopics() throws Exception {
        JsonNode doc = new YAMLMapper().readTree(DOCS.resolve("asyncapi.yaml").toFile());
        List<String> addresses = new ArrayList<>();
        doc.get("channels").forEach(c -> addresses.add(c.get("address").asText()));

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void everyObservationTypeHasAMessageWhosePayloadSchemaExists() throws Exception {
        JsonNode messages = new YAMLMapper().readTree(DOCS.resolve("asyncapi.yaml").toFile())
                .get("components").get("messages");
        List<String> types = new ArrayList<>();
        messages.forEach(m -> {
            types.add(m.get("name").asText());
            JsonNode ref = m.get("payload").get("$ref");
            if (ref != null) {
                assertThat(DOCS.resolve(ref.asText())).exists();
                assertThat(ref.asText()).endsWith(EventSchemas.schemaFile(m.get("name").asText()));
            }
        });

        for (ObservationSource source : ObservationSource.values()) {
            assertThat(types).contains(source.eventType(), SeriesObservation.eventType(source));
        }
        assertThat(types).contains(CloudEventAttributes.SCORE_CHANGED_TYPE);
        assertThat(Files.list(DOCS).filter(p -> p.toString().endsWith(".schema.json")).count()).isEqualTo(9);
    }
}
