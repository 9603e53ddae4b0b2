package dev.ecopulse.github.service;

import dev.ecopulse.collector.run.RunContext;
import java.time.Duration;

/** Hands a repository's snapshot to the run: an observation when GitHub told anything about it, else a failure. */
final class Publishing {

    private Publishing() {
    }

    static void publish(RunContext run, RepositorySnapshot snapshot, Duration tolerance) {
        if (snapshot.known()) {
            run.publish(snapshot.toObservation(run.runId(), tolerance));
        } else {
            run.failed(snapshot.target(), snapshot.failureReason());
        }
    }
}
