package dev.ecopulse.github.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts a repository's releases published in the last 365 days and finds its latest non-prerelease, page by page
 * over releases ordered newest created first, keeping the publication dates of the releases that are not
 * prereleases for the dated flows. Drafts are not releases yet and are skipped. Complete once a page holds a release
 * created before {@code reach} (the window's start, or earlier when the flows reach further back), or there are no
 * more pages.
 */
final class ReleaseTally {

    private final Instant windowStart;
    private final Instant reach;
    private final List<Instant> publishedDates = new ArrayList<>();
    private Instant oldestCreated;
    private long inWindow;
    private String latestTag;
    private Instant latestAt;
    private boolean complete;
    private String nextCursor;
    private int pages;

    ReleaseTally(Instant windowStart) {
        this(windowStart, windowStart);
    }

    ReleaseTally(Instant windowStart, Instant reach) {
        this.windowStart = windowStart;
        this.reach = reach.isBefore(windowStart) ? reach : windowStart;
    }

    /**
     * Adds one page, given as GraphQL's {@code releases { pageInfo nodes }} or a REST releases array.
     *
     * @throws UnreadableAnswerException when a release lacks a readable date or flag
     */
    void addGraphqlPage(JsonNode connection) {
        JsonNode nodes = connection.path("nodes");
        if (!nodes.isArray()) {
            throw new UnreadableAnswerException("releases without a readable node list");
        }
        Instant oldestCreated = add(nodes, "tagName", "publishedAt", "createdAt", "isDraft", "isPrerelease");
        boolean more = connection.path("pageInfo").path("hasNextPage").asBoolean(false);
        finishPage(more && oldestCreated != null && !oldestCreated.isBefore(reach),
                connection.path("pageInfo").path("endCursor").asText(null));
    }

    /** A page of REST {@code GET /repos/{o}/{r}/releases}; {@code more}: the link header names a next page. */
    void addRestPage(JsonNode releases, boolean more, int page) {
        if (!releases.isArray()) {
            throw new UnreadableAnswerException("GitHub's release list is not a JSON array");
        }
        Instant oldestCreated = add(releases, "tag_name", "published_at", "created_at", "draft", "prerelease");
        finishPage(more && oldestCreated != null && !oldestCreated.isBefore(reach), Integer.toString(page + 1));
    }

    private Instant add(JsonNode nodes, String tag, String published, String created, String draft,
            String prerelease) {
        Instant oldestCreated = null;
        for (JsonNode node : nodes) {
            boolean isDraft = JsonValues.bool(node.get(draft))
                    .orElseThrow(() -> new UnreadableAnswerException("a release without a readable draft flag"));
            Instant createdAt = JsonValues.instant(node.get(created))
                    .orElseThrow(() -> new UnreadableAnswerException("a release without a readable creation date"));
            oldestCreated = createdAt;
            this.oldestCreated = createdAt;
            if (isDraft) {
                continue;
            }
            Instant publishedAt = JsonValues.instant(node.get(published))
                    .orElseThrow(() -> new UnreadableAnswerException("a published release without a readable date"));
            if (!publishedAt.isBefore(windowStart)) {
                inWindow++;
            }
            boolean isPrerelease = JsonValues.bool(node.get(prerelease))
                    .orElseThrow(() -> new UnreadableAnswerException("a release without a readable prerelease flag"));
            if (!isPrerelease) {
                publishedDates.add(publishedAt);
            }
            if (latestTag == null && !isPrerelease) {
                latestTag = JsonValues.text(node.get(tag))
                        .orElseThrow(() -> new UnreadableAnswerException("a release without a readable tag"));
                latestAt = publishedAt;
            }
        }
        return oldestCreated;
    }

    private void finishPage(boolean needMore, String cursor) {
        pages++;
        complete = !needMore;
        nextCursor = needMore ? cursor : null;
    }

    boolean complete() {
        return complete;
    }

    /**
     * Whether every release published from {@code start} on has been read: all pages were, or one reached a release
     * created before it (releases come by creation date, and one created before {@code start} is taken as published
     * before it too, as for the 365-day count).
     */
    boolean completeFrom(Instant start) {
        return complete || (oldestCreated != null && oldestCreated.isBefore(start));
    }

    /** Whether the count of the last 365 days is whole, though the pages may have to reach further back. */
    boolean windowComplete() {
        return completeFrom(windowStart);
    }

    /** Publication dates of the releases read that are neither drafts nor prereleases, newest created first. */
    List<Instant> published() {
        return List.copyOf(publishedDates);
    }

    /** Where the next page starts: a GraphQL cursor, or the REST page number. */
    String nextCursor() {
        return nextCursor;
    }

    int pages() {
        return pages;
    }

    long inWindow() {
        return inWindow;
    }

    /** The newest non-draft, non-prerelease release seen so far. */
    Optional<String> latestTag() {
        return Optional.ofNullable(latestTag);
    }

    Optional<Instant> latestAt() {
        return Optional.ofNullable(latestAt);
    }
}
