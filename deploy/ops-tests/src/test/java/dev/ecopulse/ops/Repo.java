package dev.ecopulse.ops;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository; the build passes its root as {@code ecopulse.root}. */
public final class Repo {

    /** The collectors, as named by their directory, {@code quarkus.application.name} and {@code service} label. */
    public static final java.util.List<String> COLLECTORS = java.util.List.of("github-collector", "pypi-collector",
            "maven-collector", "huggingface-collector", "stackexchange-collector", "npm-collector",
            "research-collector");

    /** The eight services: the aggregator and the collectors. */
    public static final java.util.List<String> SERVICES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("aggregator"), COLLECTORS.stream()).toList();

    /**
     * The upstream credentials, by the environment variable a collector reads: each optional, each only raising its
     * upstream's limits, each a secret that deploy files take from the environment or a Secret, never as a value.
     */
    public static final java.util.Map<String, String> UPSTREAM_CREDENTIALS = java.util.Map.of(
            "GITHUB_TOKEN", "github-collector", "HF_TOKEN", "huggingface-collector",
            "ECOPULSE_STACKEXCHANGE_KEY", "stackexchange-collector", "ECOPULSE_OPENALEX_API_KEY", "research-collector");

    private Repo() {
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("ecopulse.root", "../..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("services"))) {
            throw new IllegalStateException(root + " is not the ecopulse repository root");
        }
        return root;
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }
}
