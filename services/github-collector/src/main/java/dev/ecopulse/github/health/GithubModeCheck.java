package dev.ecopulse.github.health;

import dev.ecopulse.github.client.Endpoint;
import dev.ecopulse.github.client.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Shows how the collector talks to GitHub and what budget it has left; up in both modes, which both work. */
@Readiness
@ApplicationScoped
public class GithubModeCheck implements HealthCheck {

    private final CollectionMode mode;
    private final RateLimits limits;

    GithubModeCheck(CollectionMode mode, RateLimits limits) {
        this.mode = mode;
        this.limits = limits;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("github").up()
                .withData("mode", mode.mode())
                .withData("restOnly", mode.restOnly())
                .withData("detail", mode.description());
        for (String resource : new String[] {Endpoint.GRAPHQL.resource(), Endpoint.REPOSITORY.resource(),
                Endpoint.SEARCH.resource()}) {
            limits.remaining(resource).ifPresent(r -> builder.withData(resource + "Remaining", r));
            limits.reset(resource).ifPresent(r -> builder.withData(resource + "Reset", r.toString()));
        }
        return builder.build();
    }
}
