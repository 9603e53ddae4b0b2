package dev.ecopulse.github.service;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.Collector;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.github.config.GithubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The GitHub collector: one target per catalog project with a repository ({@code owner/name}), observed through
 * batched GraphQL with a token, or through REST alone without one.
 */
@ApplicationScoped
public class GithubCollector implements Collector {

    private final GithubConfig config;
    private final GraphqlCollection graphql;
    private final RestCollection rest;

    GithubCollector(GithubConfig config, GraphqlCollection graphql, RestCollection rest) {
        this.config = config;
        this.graphql = graphql;
        this.rest = rest;
    }

    @Override
    public ObservationSource source() {
        return ObservationSource.GITHUB;
    }

    @Override
    public List<CollectionTarget> targets(Catalog catalog) {
        return catalog.projects().stream().filter(p -> p.githubRepository().isPresent())
                .map(GithubCollector::target).toList();
    }

    private static CollectionTarget target(Project project) {
        return new CollectionTarget(project.id(), project.githubRepository().orElseThrow());
    }

    @Override
    public String targetUnit() {
        return "repositories";
    }

    @Override
    public void collect(RunContext run) throws InterruptedException {
        if (config.authorized()) {
            graphql.collect(run);
        } else {
            rest.collect(run);
        }
    }
}
