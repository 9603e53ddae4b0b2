package dev.ecopulse.contract.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A project of one or more frameworks and where it lives upstream: a GitHub repository ({@code owner/name}), PyPI
 * packages and Maven coordinates ({@code groupId:artifactId}).
 */
public record Project(String id, String name, List<String> frameworks, String github, List<String> pypi,
        List<String> maven) {

    public Project {
        frameworks = frameworks == null ? List.of() : List.copyOf(frameworks);
        pypi = pypi == null ? List.of() : List.copyOf(pypi);
        maven = maven == null ? List.of() : List.copyOf(maven);
    }

    public Optional<String> githubRepository() {
        return Optional.ofNullable(github);
    }
}
