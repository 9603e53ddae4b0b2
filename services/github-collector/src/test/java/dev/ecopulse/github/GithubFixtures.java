package dev.ecopulse.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecopulse.contract.event.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * GitHub answers in their real shapes, with values derived from a repository's index so tests can tell what each
 * repository's observation must hold.
 */
public final class GithubFixtures {

    private GithubFixtures() {
    }

    public static long stars(int i) {
        return 1000L + i;
    }

    public static long forks(int i) {
        return 100L + i;
    }

    public static long watchers(int i) {
        return 50L + i;
    }

    public static long openIssues(int i) {
        return 20L + i;
    }

    public static long openPullRequests(int i) {
        return 10L + i;
    }

    public static long closedIssues(int i) {
        return 70L + i;
    }

    /** Commits of 30-day window {@code k} (0 = the newest) of repository {@code i}. */
    public static long commitsInWindow(int i, int k) {
        return 110L + i - 3L * k;
    }

    /** The sum of windows 0–2. */
    public static long commitsLast90(int i) {
        return commitsInWindow(i, 0) + commitsInWindow(i, 1) + commitsInWindow(i, 2);
    }

    /** The sum of windows 3–5. */
    public static long commitsPrevious90(int i) {
        return commitsInWindow(i, 3) + commitsInWindow(i, 4) + commitsInWindow(i, 5);
    }

    public static long releasesTotal(int i) {
        return 40L + i;
    }

    public static long contributors(int i) {
        return 500L + i;
    }

    public static String latestTag(int i) {
        return "v1." + i + ".0";
    }

    /** Releases of the fixture published in the last 365 days: a prerelease and two releases (drafts excluded). */
    public static final long RELEASES_LAST_365 = 3;

    public static Instant latestReleaseAt(Instant now) {
        return days(now, 10);
    }

    /** The repositories' creation time in the fixture. */
    public static final String CREATED_AT = "2016-08-13T05:26:41Z";

    /** {@code repository(...) { ...signals }} as GitHub answers it, with the 6 commit windows of every run. */
    public static ObjectNode repository(String nameWithOwner, int i, Instant now) {
        return repository(nameWithOwner, i, now, 6);
    }

    /** {@code repository(...) { ...signals }} with {@code windows} commit windows {@code w<k>}. */
    public static ObjectNode repository(String nameWithOwner, int i, Instant now, int windows) {
        ObjectNode r = EventJson.mapper().createObjectNode();
        r.put("nameWithOwner", nameWithOwner);
        r.put("stargazerCount", stars(i));
        r.put("forkCount", forks(i));
        r.putObject("watchers").put("totalCount", watchers(i));
        r.putObject("issues").put("totalCount", openIssues(i));
        r.putObject("pullRequests").put("totalCount", openPullRequests(i));
        r.put("createdAt", CREATED_AT);
        r.put("pushedAt", days(now, 1).toString());
        r.put("isArchived", false);
        r.putObject("licenseInfo").put("spdxId", "Apache-2.0");
        r.putObject("primaryLanguage").put("name", "Python");
        ArrayNode topics = r.putObject("repositoryTopics").putArray("nodes");
        topics.addObject().putObject("topic").put("name", "deep-learning");
        topics.addObject().putObject("topic").put("name", "machine-learning");
        ObjectNode latest = r.putObject("latestRelease");
        latest.put("tagName", latestTag(i));
        latest.put("publishedAt", latestReleaseAt(now).toString());
        latest.put("isPrerelease", false);
        ObjectNode releases = r.putObject("releases");
        releases.put("totalCount", releasesTotal(i));
        releases.putObject("pageInfo").put("hasNextPage", true).put("endCursor", "Y3Vyc29yOnYyOpK5MjAyNS0wMS0wMQ==");
        ArrayNode nodes = releases.putArray("nodes");
        release(nodes, "v2.0.0-draft", null, days(now, 2), true, false);
        release(nodes, "v2.0.0rc1", days(now, 5), days(now, 5), false, true);
        release(nodes, latestTag(i), latestReleaseAt(now), days(now, 11), false, false);
        release(nodes, "v0.98.0", days(now, 100), days(now, 100), false, false);
        release(nodes, "v0.9.0", days(now, 400), days(now, 400), false, false);
        ObjectNode target = r.putObject("defaultBranchRef").putObject("target");
        for (int k = 0; k < windows; k++) {
            target.putObject("w" + k).put("totalCount", commitsInWindow(i, k));
        }
        return r;
    }

    public static void release(ArrayNode nodes, String tag, Instant published, Instant created, boolean draft,
            boolean prerelease) {
        ObjectNode node = nodes.addObject();
        node.put("tagName", tag);
        if (published == null) {
            node.putNull("publishedAt");
        } else {
            node.put("publishedAt", published.toString());
        }
        node.put("createdAt", created.toString());
        node.put("isDraft", draft);
        node.put("isPrerelease", prerelease);
    }

    /**
     * The answer to the batched signals query: {@code rateLimit}, then {@code r<i>} and {@code c<i>} per repository;
     * {@code adjust} may change the data of repository {@code i} (e.g. null it and add an error).
     */
    public static ObjectNode signalsAnswer(List<String> repositories, Instant now, long cost,
            BiConsumer<Integer, ObjectNode> adjust) {
        return signalsAnswer(repositories, 0, 6, now, cost, adjust);
    }

    /**
     * The answer for a batch of {@code repositories} starting at catalog index {@code first} (alias {@code r<i>}
     * holds the values of index {@code first + i}), with {@code windows} commit windows; {@code adjust} gets the
     * alias index.
     */
    public static ObjectNode signalsAnswer(List<String> repositories, int first, int windows, Instant now, long cost,
            BiConsumer<Integer, ObjectNode> adjust) {
        ObjectNode answer = EventJson.mapper().createObjectNode();
        ObjectNode data = answer.putObject("data");
        ObjectNode rateLimit = data.putObject("rateLimit");
        rateLimit.put("cost", cost).put("limit", 5000).put("remaining", 4990).put("used", 10)
                .put("resetAt", now.plusSeconds(3000).truncatedTo(ChronoUnit.SECONDS).toString());
        for (int i = 0; i < repositories.size(); i++) {
            data.set("r" + i, repository(repositories.get(i), first + i, now, windows));
            data.putObject("c" + i).put("issueCount", closedIssues(first + i));
        }
        for (int i = 0; i < repositories.size(); i++) {
            adjust.accept(i, answer);
        }
        return answer;
    }

    /** Makes {@code r<i>} a repository GitHub cannot resolve. */
    public static void notFound(ObjectNode answer, int i, String nameWithOwner) {
        ((ObjectNode) answer.get("data")).putNull("r" + i);
        ArrayNode errors = answer.has("errors") ? (ArrayNode) answer.get("errors") : answer.putArray("errors");
        ObjectNode error = errors.addObject();
        error.put("type", "NOT_FOUND");
        error.putArray("path").add("r" + i);
        error.putArray("locations").addObject().put("line", 3 + 2 * i).put("column", 3);
        error.put("message", "Could not resolve to a Repository with the name '" + nameWithOwner + "'.");
    }

    public static ArrayNode errors(ObjectNode answer) {
        return answer.has("errors") ? (ArrayNode) answer.get("errors") : answer.putArray("errors");
    }

    /** The one-contributor page GitHub answers to {@code contributors?per_page=1&anon=1}. */
    public static String contributorPage() {
        return "[{\"login\":\"octocat\",\"id\":583231,\"type\":\"User\",\"site_admin\":false,\"contributions\":4210}]";
    }

    /** The {@code link} header of page 1 of {@code count} one-item pages. */
    public static String contributorsLink(long repositoryId, long count) {
        String base = "<https://api.github.com/repositories/" + repositoryId + "/contributors?per_page=1&anon=1&page=";
        return base + "2>; rel=\"next\", " + base + count + ">; rel=\"last\"";
    }

    static Instant days(Instant now, long days) {
        return now.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
    }
}
