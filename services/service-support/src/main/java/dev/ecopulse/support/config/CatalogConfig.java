package dev.ecopulse.support.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** Where the ecosystem catalog comes from. */
@ConfigMapping(prefix = "ecopulse.catalog")
public interface CatalogConfig {

    /** Path of a catalog YAML file; the catalog shipped with the contract when absent. */
    Optional<Path> path();
}
