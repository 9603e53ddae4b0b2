package dev.ecopulse.contract.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project of one or more frameworks and where it lives upstream: a GitHub repository ({@code owner/name}), PyPI
 * packages, Maven coordinates ({@code groupId:artifactId}) and npm packages ({@code name} or {@code @scope/name}).
 *
 * <p>{@code attribution} says how much of the project belongs to each framework (framework id → share, in catalog
 * order); {@code attributionDeclared} is false when the catalog only listed the frameworks and each got 1/k.
 * {@code companions} maps a package that is installed together with another package of the same project (for
 * example {@code jaxlib} → {@code jax}) to that package, so the same install is counted once.
 */
public record Project(String id, String name, Map<String, Double> attribution, boolean attributionDeclared,
        String github, List<String> pypi, List<String> maven, List<String> npm, Map<String, String> companions) {

    public Project {
        attribution = attribution == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attribution));
        pypi = pypi == null ? List.of() : List.copyOf(pypi);
        maven = maven == null ? List.of() : List.copyOf(maven);
        npm = npm == null ? List.of() : List.copyOf(npm);
        companions = companions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(companions));
    }

    /** A project listing its frameworks only: each gets an equal share, and no package is a companion. */
    public Project(String id, String name, List<String> frameworks, String github, List<String> pypi,
            List<String> maven) {
        this(id, name, equalShares(frameworks), false, github, pypi, maven, List.of(), Map.of());
    }

    /** A project without npm packages (the form before npm was observed). */
    public Project(String id, String name, Map<String, Double> attribution, boolean attributionDeclared,
            String github, List<String> pypi, List<String> maven, Map<String, String> companions) {
        this(id, name, attribution, attributionDeclared, github, pypi, maven, List.of(), companions);
    }

    /**
     * Reads {@code frameworks} as either a list of ids (the original format: equal shares) or a mapping of id to
     * share; the validator checks the shares.
     */
    @JsonCreator
    static Project fromCatalog(@JsonProperty("id") String id, @JsonProperty("name") String name,
            @JsonProperty("frameworks") JsonNode frameworks, @JsonProperty("github") String github,
            @JsonProperty("pypi") List<String> pypi, @JsonProperty("maven") List<String> maven,
            @JsonProperty("npm") List<String> npm, @JsonProperty("companions") Map<String, String> companions) {
        if (frameworks != null && frameworks.isObject()) {
            Map<String, Double> shares = new LinkedHashMap<>();
            frameworks.fields().forEachRemaining(e -> shares.put(e.getKey(),
                    e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN));
            return new Project(id, name, shares, true, github, pypi, maven, npm, companions);
        }
        List<String> ids = new java.util.ArrayList<>();
        if (frameworks != null && frameworks.isArray()) {
            frameworks.forEach(n -> ids.add(n.asText()));
        } else if (frameworks != null && !frameworks.isNull()) {
            throw new IllegalArgumentException(
                    "'frameworks' must be a list of framework ids or a mapping of framework id to share");
        }
        return new Project(id, name, equalShares(ids), false, github, pypi, maven, npm, companions);
    }

    private static Map<String, Double> equalShares(List<String> frameworks) {
        Map<String, Double> shares = new LinkedHashMap<>();
        if (frameworks != null) {
            frameworks.forEach(f -> shares.merge(f, 1.0 / frameworks.size(), Double::sum));
        }
        return shares;
    }

    /** The frameworks the project belongs to, in catalog order. */
    public List<String> frameworks() {
        return List.copyOf(attribution.keySet());
    }

    /** The project's share of {@code frameworkId}'s ecosystem (0 when it is not one of its frameworks). */
    public double share(String frameworkId) {
        return attribution.getOrDefault(frameworkId, 0.0);
    }

    public Optional<String> githubRepository() {
        return Optional.ofNullable(github);
    }

    /** The package {@code name} is installed with, when the catalog declares it a companion. */
    public Optional<String> companionOf(String name) {
        return Optional.ofNullable(companions.get(name));
    }
}
