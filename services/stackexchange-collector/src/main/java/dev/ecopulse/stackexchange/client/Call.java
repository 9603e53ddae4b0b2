package dev.ecopulse.stackexchange.client;

/** One request's outcome: the answer, or why there is none ({@code sent} false when it never left). */
public record Call(ApiAnswer answer, String reason, boolean sent) {

    static Call answered(ApiAnswer answer) {
        return new Call(answer, null, true);
    }

    static Call failed(String reason) {
        return new Call(null, reason, true);
    }

    static Call notAsked(String reason) {
        return new Call(null, reason, false);
    }

    public boolean ok() {
        return answer != null;
    }
}
