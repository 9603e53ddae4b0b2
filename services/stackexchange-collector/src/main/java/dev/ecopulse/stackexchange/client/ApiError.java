package dev.ecopulse.stackexchange.client;

/**
 * An error the API reported in the wrapper ({@code error_id}, {@code error_name}, {@code error_message}), sent with
 * HTTP 400 whatever the error.
 */
public record ApiError(int id, String name, String message) {

    /** {@code 502 throttle_violation}: too many requests or the quota is gone; asking more risks a longer ban. */
    public static final int THROTTLE_VIOLATION = 502;
    public static final int BAD_PARAMETER = 400;
    public static final int ACCESS_DENIED = 403;
    public static final int KEY_REQUIRED = 405;
    public static final int TEMPORARILY_UNAVAILABLE = 503;

    /** Whether every further request of the run would fail the same way, so none is sent. */
    public boolean stopsRun() {
        return id == THROTTLE_VIOLATION || id == ACCESS_DENIED || id == KEY_REQUIRED;
    }

    /** e.g. {@code throttle_violation (502): too many requests from this IP}. */
    public String describe() {
        return name + " (" + id + ")" + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
