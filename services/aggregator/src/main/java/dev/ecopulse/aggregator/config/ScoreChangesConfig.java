package dev.ecopulse.aggregator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Which aggregator replica publishes score changes: the holder of a lease kept in the store. */
@ConfigMapping(prefix = "ecopulse.score-changes")
public interface ScoreChangesConfig {

    /**
     * How long a taken lease lasts without renewal: after a replica dies, another one publishes at the latest this
     * long (plus one renewal interval) later.
     */
    @WithDefault("30s")
    Duration leaseDuration();

    /** How often the holder renews the lease and the others try to take it; well inside the duration. */
    @WithDefault("10s")
    Duration leaseRenewInterval();

    /** Name of this replica in the lease; by default the host name (the pod's name) and the process id. */
    Optional<String> replicaId();
}
