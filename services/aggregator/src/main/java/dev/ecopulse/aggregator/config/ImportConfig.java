package dev.ecopulse.aggregator.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What {@code POST /api/v1/admin/import} accepts. */
@ConfigMapping(prefix = "ecopulse.import")
public interface ImportConfig {

    /**
     * Largest body read; a larger one is refused (413) before anything is stored. Keep it below
     * {@code quarkus.http.limits.max-body-size}, which refuses larger bodies outright.
     */
    @WithDefault("20M")
    MemorySize maxSize();
}
