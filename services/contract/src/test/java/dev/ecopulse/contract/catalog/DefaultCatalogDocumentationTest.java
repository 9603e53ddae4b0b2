package dev.ecopulse.contract.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/catalog.md explains every share and companion of the default catalog: its table must say exactly what
 * catalog.yaml says, so neither can change without the other.
 */
class DefaultCatalogDocumentationTest {

    private static final Path DOC = Path.of("../../docs/catalog.md");
    private static final String TABLE_HEADER = "| project | shares | companions";

    private final Catalog catalog = CatalogLoader.loadDefault();

    @Test
    void everyDocumentedShareAndCompanionIsTheCatalogs() throws IOException {
        Map<String, Row> rows = documentedRows();

        assertThat(rows).isNotEmpty();
        rows.forEach((id, row) -> {
            Project project = catalog.project(id).orElseThrow(() -> new AssertionError("not in the catalog: " + id));
            assertThat(project.attribution()).as(id + " shares").containsExactlyEntriesOf(row.shares());
            assertThat(project.companions()).as(id + " companions").isEqualTo(row.companions());
        });
    }

    @Test
    void everySharedProjectAndEveryCompanionIsDocumented() throws IOException {
        Set<String> needExplaining = catalog.projects().stream()
                .filter(p -> p.attributionDeclared() || p.frameworks().size() > 1 || !p.companions().isEmpty())
                .map(Project::id)
                .collect(Collectors.toSet());

        assertThat(documentedRows().keySet()).containsExactlyInAnyOrderElementsOf(needExplaining);
    }

    @Test
    void theDefaultCatalogDeclaresTheCompanionsItsDocsPromise() {
        assertThat(catalog.project("jax-core").orElseThrow().companionOf("jaxlib")).contains("jax");
        assertThat(catalog.project("lightning").orElseThrow().companionOf("pytorch-lightning")).contains("lightning");
        assertThat(catalog.project("transformers").orElseThrow().share("tensorflow")).isZero();
    }

    private record Row(Map<String, Double> shares, Map<String, String> companions) {
    }

    private static Map<String, Row> documentedRows() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.stream().filter(l -> l.startsWith(TABLE_HEADER)).findFirst().map(lines::indexOf)
                .orElseThrow(() -> new AssertionError("no table '" + TABLE_HEADER + "' in " + DOC));
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : lines.subList(start + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split("\\|", -1);
            rows.put(unquote(cells[1]), new Row(shares(cells[2]), companions(cells[3])));
        }
        return rows;
    }

    private static Map<String, Double> shares(String cell) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String part : cell.trim().split(" · ")) {
            String[] frameworkAndShare = part.trim().split(" ");
            shares.put(frameworkAndShare[0], Double.parseDouble(frameworkAndShare[1]));
        }
        return shares;
    }

    private static Map<String, String> companions(String cell) {
        Map<String, String> companions = new LinkedHashMap<>();
        if (!cell.isBlank()) {
            for (String part : cell.trim().split(" · ")) {
                String[] pair = part.split("→");
                companions.put(unquote(pair[0]), unquote(pair[1]));
            }
        }
        return companions;
    }

    private static String unquote(String s) {
        return s.trim().replace("`", "");
    }
}
