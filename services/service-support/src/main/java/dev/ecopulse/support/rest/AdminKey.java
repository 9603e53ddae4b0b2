package dev.ecopulse.support.rest;

import dev.ecopulse.support.config.AdminConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Checks the {@code X-Api-Key} header against {@code ecopulse.admin.key}, in constant time. A configured key shorter
 * than {@link #MIN_LENGTH} characters stops the service at start; a client that keeps presenting wrong keys is made to
 * wait ({@link FailedAttempts}).
 */
@ApplicationScoped
@Startup
public class AdminKey {

    public static final String HEADER = "X-Api-Key";
    /** Name of the OpenAPI security scheme that sends the key. */
    public static final String SCHEME = "adminKey";
    /** Shortest admin key accepted: 24 characters (openssl rand -hex 12 gives 24). */
    public static final int MIN_LENGTH = 24;

    private final AdminConfig config;
    private final FailedAttempts failures;

    @Inject
    AdminKey(AdminConfig config) {
        this(config, Clock.systemUTC());
    }

    AdminKey(AdminConfig config, InstantSource clock) {
        this.config = config;
        this.failures = new FailedAttempts(clock);
        requireStrongKey(config);
    }

    static void requireStrongKey(AdminConfig config) {
        config.key().filter(key -> !key.isBlank()).ifPresent(key -> {
            if (key.length() < MIN_LENGTH) {
                throw new IllegalStateException("ecopulse.admin.key (ECOPULSE_ADMIN_KEY) has " + key.length()
                        + " characters; at least " + MIN_LENGTH + " are required (e.g. openssl rand -hex 24)");
            }
        });
    }

    /**
     * Throws {@link UnauthorizedException} unless {@code presented} is the configured key, or
     * {@link TooManyAttemptsException} while {@code client} must wait after failing too often.
     */
    public void check(String presented, String client) {
        if (config.key().isEmpty() || config.key().get().isBlank()) {
            throw new UnauthorizedException("administrative endpoints are disabled: ecopulse.admin.key"
                    + " (ECOPULSE_ADMIN_KEY) is not set");
        }
        failures.waitFor(client).ifPresent(wait -> {
            throw new TooManyAttemptsException(wait);
        });
        if (presented == null || presented.isEmpty()) {
            failures.failed(client);
            throw new UnauthorizedException("missing " + HEADER + " header");
        }
        if (!MessageDigest.isEqual(config.key().get().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            failures.failed(client);
            throw new UnauthorizedException("wrong " + HEADER);
        }
        failures.succeeded(client);
    }

    /** The request did not carry the admin key. */
    public static class UnauthorizedException extends RuntimeException {
        UnauthorizedException(String message) {
            super(message);
        }
    }

    /** The client failed too often and must wait before trying again. */
    public static class TooManyAttemptsException extends RuntimeException {

        private final Duration wait;

        TooManyAttemptsException(Duration wait) {
            super("too many wrong " + HEADER + " attempts from this client: retry after "
                    + retryAfterSeconds(wait) + " s");
            this.wait = wait;
        }

        /** Whole seconds, rounded up, as Retry-After wants them. */
        public long retryAfterSeconds() {
            return retryAfterSeconds(wait);
        }

        private static long retryAfterSeconds(Duration wait) {
            return Math.max(1, (wait.toMillis() + 999) / 1000);
        }
    }
}
