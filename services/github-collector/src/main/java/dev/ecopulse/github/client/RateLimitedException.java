package dev.ecopulse.github.client;

/** GitHub kept a request rate-limited longer or more often than the collector is configured to wait. */
public class RateLimitedException extends UpstreamException {

    public RateLimitedException(String message) {
        super(message);
    }
}
