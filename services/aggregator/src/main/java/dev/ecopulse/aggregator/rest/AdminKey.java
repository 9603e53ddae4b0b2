package dev.ecopulse.aggregator.rest;

import dev.ecopulse.aggregator.config.AdminConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks the {@code X-Api-Key} header against {@code ecopulse.admin.key} in constant time, as the collectors do. A
 * configured key shorter than {@link #MIN_LENGTH} characters stops the service at start.
 */
@ApplicationScoped
@Startup
public class AdminKey {

    public static final String HEADER = "X-Api-Key";
    /** Shortest admin key accepted: 24 characters (openssl rand -hex 12 gives 24). */
    public static final int MIN_LENGTH = 24;
    static final String SCHEME = "adminKey";

    private final AdminConfig config;

    AdminKey(AdminConfig config) {
        this.config = config;
        config.key().filter(key -> !key.isBlank()).ifPresent(key -> {
            if (key.length() < MIN_LENGTH) {
                throw new IllegalStateException("ecopulse.admin.key (ECOPULSE_ADMIN_KEY) has " + key.length()
                        + " characters; at least " + MIN_LENGTH + " are required (e.g. openssl rand -hex 24)");
            }
        });
    }

    /** Throws {@link UnauthorizedException} unless {@code presented} is the configured key. */
    public void check(String presented) {
        if (config.key().isEmpty() || config.key().get().isBlank()) {
            throw new UnauthorizedException("administrative endpoints are disabled: ecopulse.admin.key"
                    + " (ECOPULSE_ADMIN_KEY) is not set");
        }
        if (presented == null || presented.isEmpty()) {
            throw new UnauthorizedException("missing " + HEADER + " header");
        }
        if (!MessageDigest.isEqual(config.key().get().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedException("wrong " + HEADER);
        }
    }

    /** The request did not carry the admin key. */
    public static class UnauthorizedException extends RuntimeException {
        UnauthorizedException(String message) {
            super(message);
        }
    }
}
