package dev.ecopulse.ops.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecopulse.ops.promql.Query;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The provisioned Grafana dashboards ({@code deploy/grafana/dashboards/*.json}) and every query in them. */
public final class Dashboards {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*[a-zA-Z_]\\w*\\s*\\)\\s*$",
            Pattern.DOTALL);
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\((.*)\\)\\s*$", Pattern.DOTALL);

    /** One dashboard file: its identity, panels, and the queries of its panels and variables. */
    public record Dashboard(Path file, JsonNode json, List<JsonNode> panels, List<Query> queries) {

        public String uid() {
            return json.path("uid").asText();
        }

        public String title() {
            return json.path("title").asText();
        }
    }

    private Dashboards() {
    }

    /** Every dashboard under {@code dir}, in file-name order. */
    public static List<Dashboard> load(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(Dashboards::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every query of every dashboard under {@code dir}. */
    public static List<Query> queries(Path dir) {
        return load(dir).stream().flatMap(d -> d.queries().stream()).toList();
    }

    static Dashboard read(Path file) {
        JsonNode json;
        try {
            json = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String title = json.path("title").asText(file.getFileName().toString());
        List<JsonNode> panels = new ArrayList<>();
        collectPanels(json.path("panels"), panels);
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    queries.add(new Query("dashboard '" + title + "', panel '" + panel.path("title").asText()
                            + "' (" + target.path("refId").asText("?") + ")", target.get("expr").asText()));
                }
            }
        }
        for (JsonNode variable : json.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                JsonNode query = variable.path("query");
                String text = query.isObject() ? query.path("query").asText() : query.asText();
                queries.add(new Query("dashboard '" + title + "', variable '" + variable.path("name").asText() + "'",
                        variableExpression(text)));
            }
        }
        return new Dashboard(file, json, List.copyOf(panels), List.copyOf(queries));
    }

    /** The PromQL inside a Prometheus variable query ({@code label_values(selector, label)} or {@code query_result(...)}). */
    static String variableExpression(String query) {
        Matcher m = LABEL_VALUES.matcher(query);
        if (m.matches()) {
            return m.group(1);
        }
        m = QUERY_RESULT.matcher(query);
        if (m.matches()) {
            return m.group(1);
        }
        throw new IllegalArgumentException("variable query is neither label_values(<selector>, <label>) nor "
                + "query_result(<expr>): " + query);
    }

    private static void collectPanels(JsonNode panels, List<JsonNode> out) {
        for (JsonNode panel : panels) {
            out.add(panel);
            collectPanels(panel.path("panels"), out);
        }
    }
}
