package dev.ecopulse.github.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.contract.event.EventJson;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GraphqlQueriesTest {

    static final Windows WINDOWS = new Windows(Instant.parse("2026-11-28T10:15:30.456Z"));

    @Test
    void oneQueryAliasesEveryRepositoryAndItsSearchAndReadsTheRateLimit() throws Exception {
        List<RepositoryName> repositories = IntStream.range(0, 25)
                .mapToObj(i -> new RepositoryName("owner" + i, "repo-" + i)).toList();

        GraphqlQueries.Query query = GraphqlQueries.signals(repositories, WINDOWS);

        assertThat(query.text()).contains("rateLimit { cost limit remaining used resetAt }")
                .contains("r0: repository(owner: $o0, name: $n0) { ...signals }")
                .contains("r24: repository(owner: $o24, name: $n24) { ...signals }")
                .contains("c24: search(query: $q24, type: ISSUE, first: 0) { issueCount }")
                .contains("fragment signals on Repository")
                .doesNotContain("owner7"); // names travel as variables only
        JsonNode body = EventJson.mapper().readTree(query.body());
        assertThat(body.get("query").asText()).isEqualTo(query.text());
        JsonNode variables = body.get("variables");
        assertThat(variables.get("o7").asText()).isEqualTo("owner7");
        assertThat(variables.get("n7").asText()).isEqualTo("repo-7");
        assertThat(variables.get("q7").asText())
                .isEqualTo("repo:owner7/repo-7 is:issue is:closed closed:>=2026-08-30T10:15:30Z");
        assertThat(variables.get("last90Start").asText()).isEqualTo("2026-08-30T10:15:30Z");
        assertThat(variables.get("previous90Start").asText()).isEqualTo("2026-06-01T10:15:30Z");
    }

    @Test
    void declaresEveryVariableItUses() {
        GraphqlQueries.Query query = GraphqlQueries.signals(List.of(new RepositoryName("a", "b"),
                new RepositoryName("c", "d")), WINDOWS);

        for (String variable : query.variables().keySet()) {
            assertThat(query.text()).contains("$" + variable + ": ");
        }
        assertThat(GraphqlQueries.closedIssues(List.of(new RepositoryName("a", "b")), WINDOWS).text())
                .startsWith("query ClosedIssues($q0: String!) {");
        assertThat(GraphqlQueries.releasesAfter(new RepositoryName("a", "b"), "Y3Vyc29y").variables())
                .containsEntry("after", "Y3Vyc29y");
    }

    @Test
    void estimatesAFewPointsPerFiftyRepositories() {
        assertThat(GraphqlQueries.estimatedPoints(1)).isEqualTo(1);
        assertThat(GraphqlQueries.estimatedPoints(50)).isEqualTo(4);
    }
}
