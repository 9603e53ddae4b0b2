package dev.ecopulse.pypi.client;

/**
 * What one GET gave after pacing and retries: an HTTP answer ({@code status}, {@code body}, {@code etag}) or, when
 * there is none, the {@code failure} reason ({@code throttled} when the upstream kept answering 429).
 */
public record HttpReply(int status, String body, String etag, String failure, boolean throttled) {

    static HttpReply answered(int status, String body, String etag) {
        return new HttpReply(status, body, etag, null, false);
    }

    static HttpReply failed(String reason, boolean throttled) {
        return new HttpReply(0, null, null, reason, throttled);
    }

    public boolean answered() {
        return failure == null;
    }
}
