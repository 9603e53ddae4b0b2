package dev.ecopulse.aggregator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the aggregator waits for its store in the background (indexes, loading, score history writes). */
@ConfigMapping(prefix = "ecopulse.store")
public interface StoreConfig {

    /** First wait before the store is tried again after a failure; doubled each time. */
    @WithDefault("1s")
    Duration retryInitialDelay();

    /** Longest wait between two tries. */
    @WithDefault("30s")
    Duration retryMaxDelay();
}
