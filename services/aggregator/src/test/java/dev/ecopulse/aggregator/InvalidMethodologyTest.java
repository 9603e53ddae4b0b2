package dev.ecopulse.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service refuses to start on an invalid methodology and names every problem in it. */
@QuarkusMainTest
@TestProfile(InvalidMethodologyTest.InvalidMethodology.class)
class InvalidMethodologyTest {

    public static class InvalidMethodology implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ecopulse.methodology.path", "src/test/resources/invalid-methodology.yaml");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void stopsAtStartNamingEveryProblem(LaunchResult result) {
        assertThat(result.getErrorOutput() + result.getOutput())
                .contains("Invalid scoring methodology src/test/resources/invalid-methodology.yaml")
                .contains("'minimumCoverage' must be between 0 and 1, got 1.5")
                .contains("project.adoption: unknown signal 'likes'")
                .contains("framework.activity.commits90d: 'threshold' must be a positive number, got 0.0");
    }
}
