package dev.ecopulse.collector.run;

/** A run was asked for while another one is running; only one runs at a time. */
public class RunInProgressException extends RuntimeException {

    private final String runningRunId;

    public RunInProgressException(String runningRunId) {
        super("run " + runningRunId + " is still running");
        this.runningRunId = runningRunId;
    }

    public String runningRunId() {
        return runningRunId;
    }
}
