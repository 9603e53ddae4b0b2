package dev.ecopulse.aggregator.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** Where the scoring methodology comes from. */
@ConfigMapping(prefix = "ecopulse.methodology")
public interface MethodologyConfig {

    /** Path of a methodology YAML file; the methodology shipped with the aggregator when absent. */
    Optional<Path> path();
}
