package dev.ecopulse.ops.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.ops.Yamls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resources a kustomization lists, read as plain YAML: its {@code resources} files and, recursively, the
 * directories among them. Patches, generators and transformers are not applied (kustomize builds those; the test
 * runs it when installed): the checks here are on the base files as written.
 */
public record Manifests(List<JsonNode> resources) {

    public static Manifests of(Path kustomizationDir) {
        List<JsonNode> resources = new ArrayList<>();
        collect(kustomizationDir, resources);
        return new Manifests(List.copyOf(resources));
    }

    private static void collect(Path dir, List<JsonNode> out) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        for (JsonNode entry : Yamls.read(file).path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                collect(path, out);
            } else {
                out.addAll(Yamls.readAll(path));
            }
        }
    }

    public List<JsonNode> ofKind(String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    public Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> r.path("metadata").path("name").asText().equals(name)).findFirst();
    }
}
