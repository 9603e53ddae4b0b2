package dev.ecopulse.collector.client.depsdev;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** deps.dev: where it is and how long to wait when it says it is overwhelmed. */
@ConfigMapping(prefix = "ecopulse.depsdev")
public interface DepsDevConfig {

    /** Base URL; the REST client reads it through {@code quarkus.rest-client.depsdev.url}. */
    @WithDefault("https://api.deps.dev")
    String url();

    /** First wait after a 429 without Retry-After; doubles on each further 429. */
    @WithDefault("2s")
    Duration backoff();

    /** Longest wait accepted for one 429; beyond it the dependents are listed as missing for this run. */
    @WithDefault("60s")
    Duration maxWait();
}
