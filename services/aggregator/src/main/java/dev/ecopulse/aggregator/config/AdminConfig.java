package dev.ecopulse.aggregator.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The key that protects the aggregator's administrative endpoints (sent as {@code X-Api-Key}), as the collectors'. */
@ConfigMapping(prefix = "ecopulse.admin")
public interface AdminConfig {

    /** Without a key, administrative endpoints refuse every request. */
    Optional<String> key();
}
