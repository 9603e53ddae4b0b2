package dev.ecopulse.ops;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository; the build passes its root as {@code ecopulse.root}. */
public final class Repo {

    /** The four services, as named by their directory, {@code quarkus.application.name} and {@code service} label. */
    public static final java.util.List<String> SERVICES = java.util.List.of("aggregator", "github-collector",
            "pypi-collector", "maven-collector");

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
