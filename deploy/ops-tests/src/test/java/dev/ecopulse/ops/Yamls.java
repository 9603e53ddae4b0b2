package dev.ecopulse.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** YAML files as Jackson trees, read by SnakeYAML so anchors, aliases and merge keys are resolved. */
public final class Yamls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Yamls() {
    }

    public static JsonNode read(Path file) {
        List<JsonNode> documents = readAll(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + documents.size() + " documents, expected one");
        }
        return documents.get(0);
    }

    /** One YAML document given as text, such as a tool's output. */
    public static JsonNode parse(String yaml) {
        return JSON.valueToTree(new Yaml(new LoaderOptions()).load(yaml));
    }

    /** Every document of a multi-document file ({@code ---}), empty ones left out. */
    public static List<JsonNode> readAll(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml(new LoaderOptions()).loadAll(reader)) {
                if (document != null) {
                    documents.add(JSON.valueToTree(document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }
}
