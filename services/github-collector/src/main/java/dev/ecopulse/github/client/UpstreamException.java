package dev.ecopulse.github.client;

/** GitHub gave no usable answer; the message is the reason recorded for the signals that depended on it. */
public class UpstreamException extends RuntimeException {

    public UpstreamException(String message) {
        super(message);
    }

    public UpstreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
