package dev.ecopulse.collector.client.depsdev;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** deps.dev: where it is, how to ask it, and how long to wait when it says it is overwhelmed. */
@ConfigMapping(prefix = "ecopulse.depsdev")
public interface DepsDevConfig {

    @WithDefault("https://api.deps.dev")
    String url();

    /** Names the collector to deps.dev. */
    @WithDefault("ecopulse-collector/0.1.0 (+https://ecopulse.dev)")
    String userAgent();

    /** Deadline of one whole exchange, body included. */
    @WithDefault("15s")
    Duration timeout();

    /** First wait after a 429 without Retry-After, doubling on each further 429; also before retrying a 5xx. */
    @WithDefault("2s")
    Duration backoff();

    /** Longest wait accepted for one 429; beyond it the dependents are listed as missing for this run. */
    @WithDefault("60s")
    Duration maxWait();

    /**
     * deps.dev leaves zero counts out, so an empty answer means "no dependents" or "not analysed yet". For a default
     * version published less than this long ago it is read as "not analysed yet" (missing), never as 0.
     */
    @WithDefault("30d")
    Duration analysisGrace();
}
