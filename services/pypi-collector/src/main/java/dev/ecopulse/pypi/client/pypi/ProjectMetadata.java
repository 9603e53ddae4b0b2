package dev.ecopulse.pypi.client.pypi;

import dev.ecopulse.collector.client.Fetched;
import java.util.List;

/**
 * What the PyPI JSON API says about a project's latest release, each signal present or missing with its reason, and
 * the release history when the document still has its deprecated {@code releases} map.
 */
public record ProjectMetadata(
        Fetched<String> latestVersion,
        Fetched<DevelopmentStatus> developmentStatus,
        Fetched<String> requiresPython,
        Fetched<Long> dependencyCount,
        Fetched<String> license,
        Fetched<List<Release>> releases) {

    /** A document nothing could be read from, or none at all. */
    public static ProjectMetadata unreadable(String reason) {
        return new ProjectMetadata(Fetched.missing(reason), Fetched.missing(reason), Fetched.missing(reason),
                Fetched.missing(reason), Fetched.missing(reason), Fetched.missing(reason));
    }
}
