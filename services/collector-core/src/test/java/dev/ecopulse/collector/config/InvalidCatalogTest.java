package dev.ecopulse.collector.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A collector refuses to start on an invalid catalog and says which entry is wrong. */
@QuarkusMainTest
@TestProfile(InvalidCatalogTest.InvalidCatalog.class)
class InvalidCatalogTest {

    public static class InvalidCatalog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ecopulse.catalog.path", "src/test/resources/invalid-catalog.yaml");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void stopsAtStartNamingTheMalformedCoordinate(LaunchResult result) {
        assertThat(result.getErrorOutput() + result.getOutput())
                .contains("Invalid ecosystem catalog src/test/resources/invalid-catalog.yaml")
                .contains("line 5: project 'flax': malformed maven coordinate 'org.flax-flax'"
                        + " (expected groupId:artifactId)");
    }
}
