package dev.ecopulse.maven.client;

import java.util.function.Consumer;

/** What the lookups for one artifact cost (requests sent) and where they announce a wait, e.g. the run's activity. */
public final class RequestTally {

    private final Consumer<String> activity;
    private int requests;

    /** @param activity told what is being waited for, then {@code null} when the wait is over */
    public RequestTally(Consumer<String> activity) {
        this.activity = activity;
    }

    public synchronized void sent() {
        requests++;
    }

    public synchronized int requests() {
        return requests;
    }

    void waiting(String what) {
        activity.accept(what);
    }

    void resumed() {
        activity.accept(null);
    }
}
