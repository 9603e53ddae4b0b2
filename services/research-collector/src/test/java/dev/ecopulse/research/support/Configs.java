package dev.ecopulse.research.support;

import dev.ecopulse.research.config.ResearchConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@link ResearchConfig} outside the application: the defaults, with some properties set. */
public final class Configs {

    private Configs() {
    }

    /** @param properties pairs of names (without {@code ecopulse.research.}) and values */
    public static ResearchConfig research(String... properties) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            map.put("ecopulse.research." + properties[i], properties[i + 1]);
        }
        // Quarkus' reading of durations ("30s", "23h"), as in the application
        return new SmallRyeConfigBuilder().withMapping(ResearchConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(map, "test", 500)).build()
                .getConfigMapping(ResearchConfig.class);
    }
}
