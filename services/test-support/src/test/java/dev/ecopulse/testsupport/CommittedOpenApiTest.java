package dev.ecopulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommittedOpenApiTest {

    @TempDir
    Path dir;

    @Test
    void keyOrderAndWhitespaceDoNotCount() throws Exception {
        Path committed = dir.resolve("api.json");
        Files.writeString(committed, CommittedOpenApi.normalise("{\"paths\":{\"/b\":{},\"/a\":{}},\"info\":{}}"));

        CommittedOpenApi.assertMatches("{ \"info\" : { }, \"paths\" : { \"/a\" : { }, \"/b\" : { } } }", committed);
    }

    @Test
    void aChangedOperationFailsAndNamesTheWayToWriteIt() throws Exception {
        Path committed = dir.resolve("api.json");
        Files.writeString(committed, CommittedOpenApi.normalise("{\"paths\":{\"/a\":{\"get\":{}}}}"));

        assertThatThrownBy(() -> CommittedOpenApi.assertMatches("{\"paths\":{\"/a\":{\"post\":{}}}}", committed))
                .isInstanceOf(AssertionError.class).hasMessageContaining("-Decopulse.openapi.write=true");
    }

    @Test
    void aMissingDocumentFails() {
        assertThatThrownBy(() -> CommittedOpenApi.assertMatches("{}", dir.resolve("absent.json")))
                .isInstanceOf(AssertionError.class);
        assertThat(dir.resolve("absent.json")).doesNotExist();
    }
}
