package dev.ecopulse.contract.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A validated ecosystem catalog: frameworks and their projects. Build it with {@link CatalogLoader}. */
public record Catalog(String origin, List<Framework> frameworks, List<Project> projects) {

    public Catalog {
        frameworks = List.copyOf(frameworks);
        projects = List.copyOf(projects);
    }

    public Optional<Framework> framework(String id) {
        return frameworks.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public Optional<Project> project(String id) {
        return projects.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public List<Project> projectsOf(String frameworkId) {
        return projects.stream().filter(p -> p.frameworks().contains(frameworkId)).toList();
    }

    public Map<String, Project> projectsById() {
        return projects.stream().collect(Collectors.toUnmodifiableMap(Project::id, Function.identity()));
    }
}
