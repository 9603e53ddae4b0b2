package dev.ecopulse.collector.run;

/**
 * One thing a run observes: a repository, a PyPI package or a Maven artifact ({@code subject}) of a catalog project.
 */
public record CollectionTarget(String projectId, String subject) {
}
