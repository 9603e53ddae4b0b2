package dev.ecopulse.collector.health;

import dev.ecopulse.collector.run.RunManager;
import dev.ecopulse.collector.run.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the last run failed (e.g. Kafka unreachable): the service stays live and the next run catches up.
 */
@Readiness
@ApplicationScoped
public class LastRunReadiness implements HealthCheck {

    private final RunManager runs;

    LastRunReadiness(RunManager runs) {
        this.runs = runs;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("collection");
        runs.current().ifPresent(r -> builder.withData("running", r.runId()));
        Optional<RunStatus> last = runs.lastFinished();
        if (last.isEmpty()) {
            return builder.up().withData("lastRun", "none yet").build();
        }
        RunStatus run = last.get();
        builder.withData("lastRun", run.runId()).withData("lastRunState", run.state().name());
        if (run.state() == RunStatus.State.FAILED) {
            return builder.down().withData("failure", run.failure()).build();
        }
        return builder.up().build();
    }
}
