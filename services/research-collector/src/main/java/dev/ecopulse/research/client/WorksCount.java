package dev.ecopulse.research.client;

/**
 * What asking OpenAlex for one count gave: the count, or why there is none. {@code outcome} tells the collector how
 * far the problem reaches: one count ({@code FAILED}), the framework's search ({@code REJECTED}, a 400) or the whole
 * run ({@code DAILY_LIMIT}, a 429; {@code THROTTLED}, 403s that did not stop after the backoff). {@code attempts} requests were sent for it (0 when the count was reused).
 */
public record WorksCount(Long count, Outcome outcome, String reason, Allowance allowance, int attempts) {

    public enum Outcome {
        COUNTED,
        FAILED,
        REJECTED,
        THROTTLED,
        DAILY_LIMIT
    }

    static WorksCount counted(long count, Allowance allowance, int attempts) {
        return new WorksCount(count, Outcome.COUNTED, null, allowance, attempts);
    }

    static WorksCount problem(Outcome outcome, String reason, Allowance allowance, int attempts) {
        return new WorksCount(null, outcome, reason, allowance, attempts);
    }

    public boolean counted() {
        return outcome == Outcome.COUNTED;
    }
}
