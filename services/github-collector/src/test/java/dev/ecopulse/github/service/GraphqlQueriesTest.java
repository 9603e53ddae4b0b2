package dev.ecopulse.github.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.contract.event.EventJson;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GraphqlQueriesTest {

    static final Windows WINDOWS = new Windows(Instant.parse("2026-11-28T10:15:30.456Z"));

    @Test
    void oneQueryAliasesEveryRepositoryAndItsSearchAndReadsTheRateLimit() throws Exception {
        List<RepositoryName> repositories = IntStream.range(0, 25)
                .mapToObj(i -> new RepositoryName("owner" + i, "repo-" + i)).toList();

        GraphqlQueries.Query query = GraphqlQueries.signals(repositories, WINDOWS, SeriesWindows.of(WINDOWS, false));

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
    }

    @Test
    void readsSixThirtyDayCommitWindowsEndingAtTheRunsDayAndThirteenOnABackfill() {
        List<RepositoryName> one = List.of(new RepositoryName("a", "b"));

        GraphqlQueries.Query recent = GraphqlQueries.signals(one, WINDOWS, SeriesWindows.of(WINDOWS, false));
        GraphqlQueries.Query backfill = GraphqlQueries.signals(one, WINDOWS, SeriesWindows.of(WINDOWS, true));

        assertThat(recent.text()).contains("w0: history(since: $d1, until: $d0) { totalCount }")
                .contains("w5: history(since: $d6, until: $d5) { totalCount }").doesNotContain("w6:")
                .doesNotContain("last90Days");
        // windows end at the run's UTC day, 00:00Z, and go back 30 days each
        assertThat(recent.variables()).containsEntry("d0", "2026-11-28T00:00:00Z")
                .containsEntry("d1", "2026-10-29T00:00:00Z").containsEntry("d3", "2026-08-30T00:00:00Z")
                .containsEntry("d6", "2026-06-01T00:00:00Z").doesNotContainKey("d7");
        assertThat(backfill.text()).contains("w12: history(since: $d13, until: $d12) { totalCount }")
                .doesNotContain("w13:");
        assertThat(backfill.variables()).containsEntry("d13", "2025-11-03T00:00:00Z").doesNotContainKey("d14");
    }

    @Test
    void declaresEveryVariableItUses() {
        for (boolean backfill : List.of(false, true)) {
            GraphqlQueries.Query query = GraphqlQueries.signals(List.of(new RepositoryName("a", "b"),
                    new RepositoryName("c", "d")), WINDOWS, SeriesWindows.of(WINDOWS, backfill));

            for (String variable : query.variables().keySet()) {
                // declared once and used at least once
                assertThat(query.text()).contains("$" + variable + ": ");
                assertThat(Pattern.compile("\\$" + variable + "\\b").matcher(query.text()).results().count())
                        .as(variable).isGreaterThanOrEqualTo(2);
            }
        }
        assertThat(GraphqlQueries.closedIssues(List.of(new RepositoryName("a", "b")), WINDOWS).text())
                .startsWith("query ClosedIssues($q0: String!) {");
        assertThat(GraphqlQueries.releasesAfter(new RepositoryName("a", "b"), "Y3Vyc29y").variables())
                .containsEntry("after", "Y3Vyc29y");
    }

    @Test
    void estimatesAFewPointsPerFiftyRepositories() {
        assertThat(GraphqlQueries.estimatedPoints(1, SeriesWindows.RECENT)).isEqualTo(1);
        // 50 × (6 connections + 6 windows) = 600 requests; a backfill: 50 × (6 + 13) = 950
        assertThat(GraphqlQueries.estimatedPoints(50, SeriesWindows.RECENT)).isEqualTo(6);
        assertThat(GraphqlQueries.estimatedPoints(50, SeriesWindows.BACKFILL)).isEqualTo(10);
        assertThat(GraphqlQueries.estimatedPoints(25, SeriesWindows.BACKFILL)).isEqualTo(5);
    }
}
