package dev.ecopulse.aggregator.rest;

import dev.ecopulse.aggregator.config.AdminConfig;
import dev.ecopulse.support.rest.FailedAttempts;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

/**
 * Checks the {@code X-Api-Key} header against {@code ecopulse.admin.key} in constant time, as the collectors do. A
 * configured key shorter than {@link #MIN_LENGTH} characters stops the service at start; a client that keeps
 * presenting wrong keys is made to wait ({@link FailedAttempts}).
 */
@ApplicationScoped
@Startup
public class AdminKey {

    public static final String HEADER = "X-Api-Key";
    /** Shortest admin key accepted: 24 characters (openssl rand -hex 12 gives 24). */
    public static final int MIN_LENGTH = 24;
    static final String SCHEME = "adminKey";

    private final AdminConfig config;
    private final FailedAttempts failures = new FailedAttempts(Clock.systemUTC());

    AdminKey(AdminConfig config) {
        this.config = config;
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

        private final long retryAfterSeconds;

        TooManyAttemptsException(Duration wait) {
            this(Math.max(1, (wait.toMillis() + 999) / 1000));
        }

        private TooManyAttemptsException(long retryAfterSeconds) {
            super("too many wrong " + HEADER + " attempts from this client: retry after " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        /** Whole seconds, rounded up, as Retry-After wants them. */
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
