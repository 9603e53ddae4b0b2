package dev.ecopulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The OpenAPI document a service serves must equal the one committed under docs/api, so every change of the API shows
 * up in review. Run the test with {@code -Decopulse.openapi.write=true} to write the served document there instead.
 */
public final class CommittedOpenApi {

    public static final String WRITE = "ecopulse.openapi.write";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private CommittedOpenApi() {
    }

    /** The document in a stable form: keys sorted, two-space indentation, a final newline. */
    public static String normalise(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            Object sorted = MAPPER.treeToValue(tree, Object.class);
            return MAPPER.writeValueAsString(sorted) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document", e);
        }
    }

    /** Asserts that {@code served} equals the committed {@code file}, or writes it there when asked to. */
    public static void assertMatches(String served, Path file) {
        String expected = normalise(served);
        try {
            if (Boolean.getBoolean(WRITE)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, expected, StandardCharsets.UTF_8);
            }
            assertThat(file).as("the committed OpenAPI document; write it with -D%s=true", WRITE).exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as("%s differs from the served /q/openapi: review the API change and write it again with"
                            + " -D%s=true", file, WRITE)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
