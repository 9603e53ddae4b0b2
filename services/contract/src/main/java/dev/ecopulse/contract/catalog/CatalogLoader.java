package dev.ecopulse.contract.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the YAML catalog and validates all of it: a catalog with any wrong entry is refused whole, with every problem
 * named by line, so no service runs on half a catalog.
 */
public final class CatalogLoader {

    /** Class-path location of the catalog shipped with the contract. */
    public static final String DEFAULT_RESOURCE = "/ecopulse/catalog.yaml";

    // a key given twice in one mapping is refused: otherwise the last one would silently win
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '([^']*)'.*", Pattern.DOTALL);

    private CatalogLoader() {
    }

    /** The catalog at {@code path} when given, else the shipped default. */
    public static Catalog load(Optional<Path> path) {
        return path.map(CatalogLoader::load).orElseGet(CatalogLoader::loadDefault);
    }

    public static Catalog load(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new CatalogException(path.toString(), List.of("file not found or not a regular file"));
        }
        try (InputStream in = Files.newInputStream(path)) {
            return parse(path.toString(), in);
        } catch (IOException e) {
            throw new CatalogException(path.toString(), List.of("cannot read: " + e.getMessage()));
        }
    }

    public static Catalog loadDefault() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default catalog missing from the class path: " + DEFAULT_RESOURCE);
            }
            return parse("classpath:" + DEFAULT_RESOURCE, in);
        } catch (IOException e) {
            throw new CatalogException("classpath:" + DEFAULT_RESOURCE, List.of("cannot read: " + e.getMessage()));
        }
    }

    /** Parses and validates; throws {@link CatalogException} naming every problem. */
    public static Catalog parse(String origin, InputStream yaml) {
        List<String> problems = new ArrayList<>();
        List<Located<Framework>> frameworks = new ArrayList<>();
        List<Located<Project>> projects = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            readDocument(parser, frameworks, projects, problems);
        } catch (JsonProcessingException e) {
            problems.add(lineOf(e) + describe(e));
        } catch (IOException e) {
            problems.add("cannot read: " + e.getMessage());
        }
        // entries that were read are still checked, so one run names as many problems as possible
        problems.addAll(new CatalogValidator(frameworks, projects).problems());
        if (!problems.isEmpty()) {
            throw new CatalogException(origin, problems);
        }
        return new Catalog(origin, frameworks.stream().map(Located::value).toList(),
                projects.stream().map(Located::value).toList());
    }

    private static void readDocument(JsonParser parser, List<Located<Framework>> frameworks,
            List<Located<Project>> projects, List<String> problems) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            problems.add("the catalog must be a mapping with 'frameworks' and 'projects'");
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            parser.nextToken();
            switch (field) {
                case "frameworks" -> readEntries(parser, Framework.class, frameworks, "frameworks", problems);
                case "projects" -> readEntries(parser, Project.class, projects, "projects", problems);
                default -> {
                    problems.add("line " + line + ": unknown top-level key '" + field
                            + "' (expected 'frameworks' and 'projects')");
                    parser.skipChildren();
                }
            }
        }
    }

    private static <T> void readEntries(JsonParser parser, Class<T> type, List<Located<T>> into, String section,
            List<String> problems) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            problems.add("line " + parser.currentTokenLocation().getLineNr() + ": '" + section + "' must be a list");
            parser.skipChildren();
            return;
        }
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int line = parser.currentTokenLocation().getLineNr();
            JsonStreamContext list = parser.currentToken().isStructStart()
                    ? parser.getParsingContext().getParent()
                    : parser.getParsingContext();
            JsonNode source;
            try {
                source = YAML.readTree(parser);
            } catch (JsonProcessingException e) {
                // the entry itself cannot be read (a key given twice): name the line of the fault
                problems.add(lineOf(e, line) + section + "[" + index + "]: " + describe(e));
                skipToList(parser, list);
                index++;
                continue;
            }
            try {
                into.add(new Located<>(line, YAML.treeToValue(source, type), source));
            } catch (JsonProcessingException e) {
                problems.add("line " + line + ": " + section + "[" + index + "]: " + describe(e));
            }
            index++;
        }
    }

    /** After a failed entry, moves the parser back to the list that holds it so the next entry is read normally. */
    private static void skipToList(JsonParser parser, JsonStreamContext list) throws IOException {
        while (parser.getParsingContext() != list) {
            if (parser.nextToken() == null) {
                throw new IOException("unexpected end of the catalog");
            }
        }
    }

    private static String lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
    }

    private static String lineOf(JsonProcessingException e, int fallback) {
        return "line " + (e.getLocation() == null ? fallback : e.getLocation().getLineNr()) + ": ";
    }

    private static String describe(JsonProcessingException e) {
        Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.matches()) {
            return "key '" + duplicate.group(1) + "' is given twice in one mapping";
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException wrong) {
            return wrong.getMessage();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown key '" + unknown.getPropertyName() + "' (known: "
                    + String.join(", ", unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList())
                    + ")";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().get(0).getFieldName();
            return (field == null ? "" : "'" + field + "': ") + e.getOriginalMessage();
        }
        return e.getOriginalMessage();
    }
}
