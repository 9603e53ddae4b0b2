package dev.ecopulse.collector.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A replica whose shard index is outside the count refuses to start, naming both settings. */
@QuarkusMainTest
@TestProfile(InvalidShardTest.IndexOutsideCount.class)
class InvalidShardTest {

    public static class IndexOutsideCount implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ecopulse.collect.shard.count", "4", "ecopulse.collect.shard.index", "4");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void stopsAtStartNamingIndexAndCount(LaunchResult result) {
        assertThat(result.getErrorOutput() + result.getOutput())
                .contains("ecopulse.collect.shard.index must be from 0 to 3 (ecopulse.collect.shard.count is 4),"
                        + " not 4");
    }
}
