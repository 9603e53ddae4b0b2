package dev.ecopulse.stackexchange.client;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What one run has learnt about the API so far: the daily quota left, when each method may be asked again
 * ({@code backoff}), and whether the run must send nothing more (a throttle violation, the quota spent).
 */
public final class ApiSession {

    private final int reserve;
    private final Map<String, Instant> notBefore = new HashMap<>();
    private Integer quotaRemaining;
    private Integer quotaMax;
    private int sent;
    private String stopReason;
    /** Why no filter could be created this run: asked once per run, not once per count. */
    String filterProblem;

    public ApiSession(int reserve) {
        this.reserve = Math.max(0, reserve);
    }

    /** Why no further request may be sent this run, or null while requests may go. */
    public synchronized String refusal() {
        if (stopReason == null && quotaRemaining != null && quotaRemaining <= reserve) {
            stopReason = "not asked: the Stack Exchange daily quota is spent (quota_remaining " + quotaRemaining
                    + (quotaMax == null ? "" : " of " + quotaMax) + (reserve > 0 ? ", " + reserve + " kept in reserve" : "") + ")";
        }
        return stopReason;
    }

    /** Requests this run may still send within the quota; null before the first answer tells the quota. */
    public synchronized Integer affordable() {
        return quotaRemaining == null ? null : Math.max(0, quotaRemaining - reserve);
    }

    public synchronized Integer quotaRemaining() {
        return quotaRemaining;
    }

    public synchronized Integer quotaMax() {
        return quotaMax;
    }

    /** Requests sent so far, retries included. */
    public synchronized int sent() {
        return sent;
    }

    synchronized void counted(int attempts) {
        sent += attempts;
    }

    /** Takes in what an answer (or an error answer) said about the quota and the method's backoff. */
    synchronized void learn(String method, ApiAnswer answer, Instant now) {
        if (answer.quotaRemaining() != null) {
            quotaRemaining = answer.quotaRemaining();
        }
        if (answer.quotaMax() != null) {
            quotaMax = answer.quotaMax();
        }
        if (answer.backoff() != null && answer.backoff() > 0) {
            notBefore.merge(method, now.plusSeconds(answer.backoff()), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** When {@code method} may be asked again; null when it may be asked now. */
    synchronized Instant notBefore(String method) {
        return notBefore.get(method);
    }

    /** No further request this run, for {@code reason}. */
    synchronized void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }
}
