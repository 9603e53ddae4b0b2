package dev.ecopulse.github.client;

import dev.ecopulse.collector.client.http.UpstreamRequest;
import dev.ecopulse.github.config.GithubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The GitHub requests the collector sends, with the headers GitHub asks every client to send and the token when there
 * is one (sent to GitHub's own host only, never logged).
 */
@ApplicationScoped
public class GithubRequests {

    public static final String API_VERSION = "2022-11-28";
    public static final String USER_AGENT = "ecopulse-github-collector";
    public static final String GITHUB_JSON = "application/vnd.github+json";

    private final String base;
    private final String authorization;

    GithubRequests(GithubConfig config) {
        this.base = config.apiUrl().endsWith("/") ? config.apiUrl().substring(0, config.apiUrl().length() - 1)
                : config.apiUrl();
        this.authorization = config.authorized() ? "Bearer " + config.token().orElseThrow().trim() : null;
    }

    /** GraphQL points are counted from {@code rateLimit.cost}, so the request itself costs nothing here. */
    public UpstreamRequest graphql(String body) {
        return github(UpstreamRequest.post(Endpoint.GRAPHQL.label(), URI.create(base + "/graphql"),
                "application/json", body)).cost(0);
    }

    public UpstreamRequest repository(String owner, String repo) {
        return get(Endpoint.REPOSITORY, "/repos/" + owner + "/" + repo);
    }

    public UpstreamRequest contributors(String owner, String repo, int perPage, int anon) {
        return get(Endpoint.CONTRIBUTORS, "/repos/" + owner + "/" + repo + "/contributors?per_page=" + perPage
                + "&anon=" + anon);
    }

    public UpstreamRequest pulls(String owner, String repo, String state, int perPage) {
        return get(Endpoint.PULLS, "/repos/" + owner + "/" + repo + "/pulls?state=" + state + "&per_page=" + perPage);
    }

    public UpstreamRequest commits(String owner, String repo, String sha, String since, String until, int perPage) {
        return get(Endpoint.COMMITS, "/repos/" + owner + "/" + repo + "/commits?sha=" + encode(sha) + "&since="
                + encode(since) + "&until=" + encode(until) + "&per_page=" + perPage);
    }

    public UpstreamRequest releases(String owner, String repo, int perPage, int page) {
        return get(Endpoint.RELEASES, "/repos/" + owner + "/" + repo + "/releases?per_page=" + perPage + "&page="
                + page);
    }

    public UpstreamRequest latestRelease(String owner, String repo) {
        return get(Endpoint.LATEST_RELEASE, "/repos/" + owner + "/" + repo + "/releases/latest");
    }

    public UpstreamRequest searchIssues(String query, int perPage) {
        return get(Endpoint.SEARCH, "/search/issues?q=" + encode(query) + "&per_page=" + perPage);
    }

    private UpstreamRequest get(Endpoint endpoint, String path) {
        return github(UpstreamRequest.get(endpoint.label(), URI.create(base + path)));
    }

    private UpstreamRequest github(UpstreamRequest request) {
        return request.header("Accept", GITHUB_JSON).header("X-GitHub-Api-Version", API_VERSION)
                .authorization(authorization);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
