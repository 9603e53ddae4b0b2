package dev.ecopulse.aggregator.health;

import dev.ecopulse.aggregator.service.ScoreChangeLease;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says which replica publishes score changes (the holder of the score-change lease) and whether it is this one.
 * Informational: a replica that stands by serves the API as well as the publisher, so this check is always up.
 */
@Readiness
@ApplicationScoped
public class ScoreChangePublisher implements HealthCheck {

    private final ScoreChangeLease lease;

    ScoreChangePublisher(ScoreChangeLease lease) {
        this.lease = lease;
    }

    @Override
    public HealthCheckResponse call() {
        String holder = lease.holder();
        return HealthCheckResponse.named("aggregator score-change publisher")
                .withData("replica", lease.replica())
                .withData("leaseHolder", holder == null ? "unknown" : holder)
                .withData("publishing", lease.held())
                .up().build();
    }
}
