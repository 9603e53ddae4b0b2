package dev.ecopulse.collector.rest;

import dev.ecopulse.collector.config.AdminConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks the {@code X-Api-Key} header against {@code ecopulse.admin.key}, in constant time. */
@ApplicationScoped
public class AdminKey {

    public static final String HEADER = "X-Api-Key";

    private final AdminConfig config;

    AdminKey(AdminConfig config) {
        this.config = config;
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
