package dev.ecopulse.aggregator.health;

import com.mongodb.client.MongoClient;
import com.mongodb.connection.ServerConnectionState;
import dev.ecopulse.aggregator.service.ScoreRefresher;
import dev.ecopulse.aggregator.service.ScoreView;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the store answers and the scores have been loaded from it. While the store is down the service keeps
 * running (and serving the last scores) but says it is not ready.
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    private final MongoClient client;
    private final ScoreRefresher refresher;
    private final ScoreView view;

    StoreReadiness(MongoClient client, ScoreRefresher refresher, ScoreView view) {
        this.client = client;
        this.refresher = refresher;
        this.view = view;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("aggregator store and scores");
        // the driver's own view of the server, kept current by its monitor: answers at once, even when it is down
        boolean storeUp = client.getClusterDescription().getServerDescriptions().stream()
                .anyMatch(d -> d.getState() == ServerConnectionState.CONNECTED && d.isOk());
        response.withData("store", storeUp ? "up" : "unreachable");
        response.withData("scoresLoaded", refresher.loaded());
        view.state().ifPresent(s -> {
            response.withData("viewVersion", s.version());
            if (s.current().dataTime() != null) {
                response.withData("dataTime", s.current().dataTime().toString());
            }
        });
        return response.status(storeUp && refresher.loaded()).build();
    }
}
