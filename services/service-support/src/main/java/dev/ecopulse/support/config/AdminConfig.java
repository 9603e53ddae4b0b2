package dev.ecopulse.support.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The key that protects administrative endpoints (sent as {@code X-Api-Key}). */
@ConfigMapping(prefix = "ecopulse.admin")
public interface AdminConfig {

    /** Without a key, administrative endpoints refuse every request. */
    Optional<String> key();
}
