package dev.ecopulse.github.client;

/** A 5xx, a timeout or no connection: worth asking again after a short backoff. */
public class UpstreamUnavailableException extends UpstreamException {

    public UpstreamUnavailableException(String message) {
        super(message);
    }

    public UpstreamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
