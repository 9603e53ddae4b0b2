package dev.ecopulse.ops.promql;

/** A PromQL expression and where it is written (dashboard and panel, or alert), for messages a person can act on. */
public record Query(String where, String expr) {

    @Override
    public String toString() {
        return where + ": " + expr;
    }
}
