package dev.ecopulse.github.health;

import dev.ecopulse.github.config.GithubConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Says once at start, as gauge {@code ecopulse_github_rest_only} and in the health check, whether the collector runs
 * with a token (GraphQL, 5,000 points/hour) or without (REST alone, 60 requests/hour). Refuses a batch size GitHub
 * would reject.
 */
@ApplicationScoped
public class CollectionMode {

    static final String GRAPHQL = "graphql";
    static final String REST_ONLY = "rest-only";

    private static final Logger LOG = Logger.getLogger(CollectionMode.class);

    private final GithubConfig config;

    CollectionMode(GithubConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent start, MeterRegistry registry) {
        if (config.batchSize() < 1 || config.batchSize() > 100) {
            throw new IllegalStateException("ecopulse.github.batch-size must be between 1 and 100, not "
                    + config.batchSize());
        }
        if (config.backfillBatchSize() < 1 || config.backfillBatchSize() > 100) {
            throw new IllegalStateException("ecopulse.github.backfill-batch-size must be between 1 and 100, not "
                    + config.backfillBatchSize());
        }
        Gauge.builder("ecopulse.github.rest.only", this, m -> m.restOnly() ? 1 : 0)
                .description("1 when no GITHUB_TOKEN is set and the collector uses REST alone at 60 requests/hour")
                .register(registry);
        if (restOnly()) {
            LOG.warn("No GITHUB_TOKEN: collecting through REST alone, limited by GitHub to 60 requests/hour;"
                    + " a run over the catalog takes hours. Set GITHUB_TOKEN to use GraphQL (5,000 points/hour).");
        } else {
            LOG.infof("GitHub token set: collecting through GraphQL, %d repositories per query, from %s",
                    config.batchSize(), config.apiUrl());
        }
    }

    public boolean restOnly() {
        return !config.authorized();
    }

    public String mode() {
        return restOnly() ? REST_ONLY : GRAPHQL;
    }

    /** What the mode means, for people reading the health check. */
    public String description() {
        return restOnly()
                ? "REST only (no GITHUB_TOKEN): GitHub allows 60 requests/hour, runs take hours"
                : "GraphQL with a token: batched queries, REST only for contributor counts";
    }
}
