package dev.ecopulse.github.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecopulse.contract.event.EventJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GraphQL queries the collector sends. Values travel as variables, never spliced into the query text. Repository
 * {@code i} of a batch is aliased {@code r<i>}, its closed-issue search {@code c<i>}, its commit count of 30-day
 * window {@code k} {@code w<k>} (under {@code defaultBranchRef.target}); every query also reads {@code rateLimit}.
 */
public final class GraphqlQueries {

    /** Releases read per page: enough to count a year of releases of nearly every project in one query. */
    public static final int RELEASES_PAGE = 100;

    /** Topics read per repository: GitHub allows at most 20. */
    public static final int TOPICS = 20;

    static final String RATE_LIMIT = "  rateLimit { cost limit remaining used resetAt }\n";

    static final String RELEASE_NODES = "totalCount pageInfo { hasNextPage endCursor }"
            + " nodes { tagName publishedAt createdAt isDraft isPrerelease }";

    /**
     * Connections per repository besides the commit windows, as GitHub's cost formula counts them: watchers, issues,
     * pull requests, topics, releases, and the closed-issue search beside the repository.
     */
    static final int CONNECTIONS = 6;

    static final String SIGNALS = """
            fragment signals on Repository {
              nameWithOwner
              stargazerCount
              forkCount
              watchers { totalCount }
              issues(states: OPEN) { totalCount }
              pullRequests(states: OPEN) { totalCount }
              createdAt
              pushedAt
              isArchived
              licenseInfo { spdxId }
              primaryLanguage { name }
              repositoryTopics(first: %d) { nodes { topic { name } } }
              latestRelease { tagName publishedAt isPrerelease }
              releases(first: %d, orderBy: {field: CREATED_AT, direction: DESC}) { %s }
              defaultBranchRef {
                target {
                  ... on Commit {
            %s      }
                }
              }
            }
            """;

    private GraphqlQueries() {
    }

    /** A query text and its variables, ready to send. */
    public record Query(String text, Map<String, Object> variables) {

        /** The request body GitHub expects: {@code {"query": ..., "variables": {...}}}. */
        public String body() {
            ObjectNode body = EventJson.mapper().createObjectNode();
            body.put("query", text);
            body.set("variables", EventJson.mapper().valueToTree(variables));
            return body.toString();
        }
    }

    /**
     * Every signal but the contributor count for a batch of repositories, in one query, with the commit count of
     * each of {@code series}' 30-day windows ({@code w<k>: history(since: $d<k+1>, until: $d<k>)}, the bounds
     * {@code $d<k>} at 00:00Z).
     */
    public static Query signals(List<RepositoryName> repositories, Windows windows, SeriesWindows series) {
        Map<String, Object> variables = new LinkedHashMap<>();
        StringBuilder declarations = new StringBuilder();
        for (int k = 0; k <= series.count(); k++) {
            variables.put("d" + k, series.bound(k).toString());
            declarations.append(k == 0 ? "" : ", ").append("$d").append(k).append(": GitTimestamp!");
        }
        StringBuilder fields = new StringBuilder(RATE_LIMIT);
        for (int i = 0; i < repositories.size(); i++) {
            RepositoryName repository = repositories.get(i);
            variables.put("o" + i, repository.owner());
            variables.put("n" + i, repository.name());
            variables.put("q" + i, windows.closedIssuesQuery(repository.fullName()));
            declarations.append(", $o").append(i).append(": String!, $n").append(i).append(": String!, $q")
                    .append(i).append(": String!");
            fields.append("  r").append(i).append(": repository(owner: $o").append(i).append(", name: $n").append(i)
                    .append(") { ...signals }\n");
            fields.append("  c").append(i).append(": search(query: $q").append(i)
                    .append(", type: ISSUE, first: 0) { issueCount }\n");
        }
        return new Query("query Signals(" + declarations + ") {\n" + fields + "}\n" + fragment(series.count()),
                variables);
    }

    /** The {@code signals} fragment with {@code windows} commit windows. */
    static String fragment(int windows) {
        StringBuilder history = new StringBuilder();
        for (int k = 0; k < windows; k++) {
            history.append("          w").append(k).append(": history(since: $d").append(k + 1).append(", until: $d")
                    .append(k).append(") { totalCount }\n");
        }
        return SIGNALS.formatted(TOPICS, RELEASES_PAGE, RELEASE_NODES, history);
    }

    /** Only the closed-issue searches, for repositories found under a new name (search does not follow renames). */
    public static Query closedIssues(List<RepositoryName> repositories, Windows windows) {
        Map<String, Object> variables = new LinkedHashMap<>();
        StringBuilder declarations = new StringBuilder();
        StringBuilder fields = new StringBuilder(RATE_LIMIT);
        for (int i = 0; i < repositories.size(); i++) {
            variables.put("q" + i, windows.closedIssuesQuery(repositories.get(i).fullName()));
            declarations.append(i == 0 ? "" : ", ").append("$q").append(i).append(": String!");
            fields.append("  c").append(i).append(": search(query: $q").append(i)
                    .append(", type: ISSUE, first: 0) { issueCount }\n");
        }
        return new Query("query ClosedIssues(" + declarations + ") {\n" + fields + "}\n", variables);
    }

    /** The next page of a repository's releases, newest first, after {@code cursor}. */
    public static Query releasesAfter(RepositoryName repository, String cursor) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("owner", repository.owner());
        variables.put("name", repository.name());
        variables.put("after", cursor);
        String text = "query Releases($owner: String!, $name: String!, $after: String!) {\n" + RATE_LIMIT
                + "  r0: repository(owner: $owner, name: $name) {\n    releases(first: " + RELEASES_PAGE
                + ", after: $after, orderBy: {field: CREATED_AT, direction: DESC}) { " + RELEASE_NODES + " }\n  }\n}\n";
        return new Query(text, variables);
    }

    /**
     * GitHub's cost formula for {@link #signals}: one request per connection ({@link #CONNECTIONS} plus one per commit
     * window) per repository, 100 requests per point, rounded, at least 1. 50 repositories: 6 points with the 6
     * windows of every run, 10 with a backfill's 13.
     */
    public static long estimatedPoints(int repositories, int windows) {
        return Math.max(1, Math.round(repositories * (CONNECTIONS + windows) / 100.0));
    }
}
