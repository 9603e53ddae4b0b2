package dev.ecopulse.github.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the answer to {@link GraphqlQueries#signals} into the batch's snapshots. {@code rN: null} with a
 * {@code NOT_FOUND} error is a repository that does not exist; another name in {@code nameWithOwner} is a rename.
 * A field with an error, of the wrong type or absent where GitHub always sends one is missing, never guessed. The
 * commit windows ({@code w<k>}) and the release pages also go to each repository's {@link RepositoryHistory}; an
 * error on one window leaves out that window alone.
 */
final class SignalsReader {

    /** Which signals a field of the {@code signals} fragment carries, to place field-level errors. */
    private static final Map<String, Set<Signal>> FIELD_SIGNALS = Map.ofEntries(
            Map.entry("stargazerCount", EnumSet.of(Signal.STARS)),
            Map.entry("forkCount", EnumSet.of(Signal.FORKS)),
            Map.entry("watchers", EnumSet.of(Signal.WATCHERS)),
            Map.entry("issues", EnumSet.of(Signal.OPEN_ISSUES)),
            Map.entry("pullRequests", EnumSet.of(Signal.OPEN_PULL_REQUESTS)),
            Map.entry("createdAt", EnumSet.of(Signal.CREATED_AT)),
            Map.entry("pushedAt", EnumSet.of(Signal.PUSHED_AT)),
            Map.entry("isArchived", EnumSet.of(Signal.ARCHIVED)),
            Map.entry("licenseInfo", EnumSet.of(Signal.LICENSE)),
            Map.entry("primaryLanguage", EnumSet.of(Signal.PRIMARY_LANGUAGE)),
            Map.entry("repositoryTopics", EnumSet.of(Signal.TOPICS)),
            Map.entry("latestRelease", Signal.LATEST_RELEASE),
            Map.entry("releases", EnumSet.of(Signal.RELEASES_TOTAL, Signal.RELEASES_LAST_365_DAYS,
                    Signal.LATEST_RELEASE_TAG, Signal.LATEST_RELEASE_AT)),
            Map.entry("defaultBranchRef", Signal.COMMITS));

    static final String UNREADABLE = "GitHub's answer holds no readable value for it";

    private static final Pattern WINDOW = Pattern.compile("w(\\d+)");

    /** A repository whose releases need more pages to count the last 365 days or the oldest series window. */
    record PendingReleases(RepositorySnapshot snapshot, RepositoryHistory history, ReleaseTally tally,
            JsonNode latestRelease) {
    }

    private SignalsReader() {
    }

    /** Fills the snapshots; answers the repositories whose release count needs more pages. */
    static List<PendingReleases> read(GraphqlAnswer answer, List<RepositorySnapshot> batch,
            List<RepositoryHistory> histories, Windows windows, Instant at) {
        List<PendingReleases> pending = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            RepositorySnapshot snapshot = batch.get(i);
            RepositoryHistory history = histories.get(i);
            String alias = "r" + i;
            Optional<JsonNode> repository = answer.alias(alias);
            if (repository.isEmpty()) {
                if (answer.errors(alias).stream().anyMatch(e -> "NOT_FOUND".equals(e.type()))) {
                    snapshot.notFound(at);
                } else {
                    snapshot.missAll(Signal.FROM_GRAPHQL, answer.reasonFor(alias));
                }
                continue;
            }
            Map<String, String> failedFields = new HashMap<>();
            for (GraphqlAnswer.Error error : answer.errors(alias)) {
                Optional<Integer> window = window(error, history.windows());
                if (window.isPresent()) {
                    history.missCommits(window.get(), error.reason());
                } else if (error.field() != null) {
                    failedFields.putIfAbsent(error.field(), error.reason());
                    snapshot.missAll(FIELD_SIGNALS.getOrDefault(error.field(), Set.of()), error.reason());
                }
            }
            readRepository(repository.get(), snapshot, history, failedFields, windows, at).ifPresent(pending::add);
            readClosedIssues(answer, "c" + i, snapshot, at);
        }
        return pending;
    }

    /** {@code cN: search(...) { issueCount }}. */
    static void readClosedIssues(GraphqlAnswer answer, String alias, RepositorySnapshot snapshot, Instant at) {
        Optional<JsonNode> search = answer.alias(alias);
        if (search.isEmpty()) {
            snapshot.miss(Signal.ISSUES_CLOSED_LAST_90_DAYS, answer.reasonFor(alias));
            return;
        }
        putCount(snapshot, Signal.ISSUES_CLOSED_LAST_90_DAYS, search.get().get("issueCount"), at);
    }

    /** The window an error is about: its path ends in a window alias under {@code defaultBranchRef}. */
    private static Optional<Integer> window(GraphqlAnswer.Error error, SeriesWindows windows) {
        if (!"defaultBranchRef".equals(error.field()) || error.leaf() == null) {
            return Optional.empty();
        }
        Matcher m = WINDOW.matcher(error.leaf());
        if (!m.matches() || m.group(1).length() > 3 || Integer.parseInt(m.group(1)) >= windows.count()) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(m.group(1)));
    }

    private static Optional<PendingReleases> readRepository(JsonNode r, RepositorySnapshot snapshot,
            RepositoryHistory history, Map<String, String> failedFields, Windows windows, Instant at) {
        String name = JsonValues.text(r.get("nameWithOwner")).orElse(snapshot.target().subject());
        if (name.equalsIgnoreCase(snapshot.target().subject())) {
            snapshot.found(at);
        } else {
            snapshot.moved(name, at);
        }
        putCount(snapshot, Signal.STARS, r.get("stargazerCount"), at);
        putCount(snapshot, Signal.FORKS, r.get("forkCount"), at);
        putCount(snapshot, Signal.WATCHERS, r.path("watchers").get("totalCount"), at);
        putCount(snapshot, Signal.OPEN_ISSUES, r.path("issues").get("totalCount"), at);
        putCount(snapshot, Signal.OPEN_PULL_REQUESTS, r.path("pullRequests").get("totalCount"), at);
        put(snapshot, Signal.CREATED_AT, JsonValues.instant(r.get("createdAt")), at);
        putOrNone(snapshot, Signal.PUSHED_AT, r.get("pushedAt"), failedFields.containsKey("pushedAt"),
                JsonValues::instant, at);
        put(snapshot, Signal.ARCHIVED, JsonValues.bool(r.get("isArchived")), at);
        readLicense(r.get("licenseInfo"), failedFields.containsKey("licenseInfo"), snapshot, at);
        putOrNone(snapshot, Signal.PRIMARY_LANGUAGE, r.get("primaryLanguage"),
                failedFields.containsKey("primaryLanguage"), n -> JsonValues.text(n.get("name")), at);
        readTopics(r.get("repositoryTopics"), snapshot, at);
        history.observed(at, JsonValues.count(r.get("stargazerCount")).orElse(null),
                JsonValues.instant(r.get("createdAt")));
        readCommits(r.get("defaultBranchRef"), failedFields.get("defaultBranchRef"), snapshot, history, at);
        if (failedFields.containsKey("releases")) {
            history.missReleases(failedFields.get("releases"));
            return Optional.empty();
        }
        return readReleases(r.path("releases"), r.get("latestRelease"), failedFields.containsKey("latestRelease"),
                snapshot, history, windows, at);
    }

    private static void readLicense(JsonNode license, boolean failed, RepositorySnapshot snapshot, Instant at) {
        if (failed) {
            return;
        }
        if (license == null) {
            snapshot.miss(Signal.LICENSE, UNREADABLE);
        } else if (license.isNull()) {
            snapshot.put(Signal.LICENSE, "NONE", at); // SPDX: no license
        } else if (JsonValues.absent(license.get("spdxId"))) {
            snapshot.put(Signal.LICENSE, "NOASSERTION", at); // SPDX: a license GitHub cannot name
        } else {
            put(snapshot, Signal.LICENSE, JsonValues.text(license.get("spdxId")), at);
        }
    }

    private static void readTopics(JsonNode topics, RepositorySnapshot snapshot, Instant at) {
        JsonNode nodes = topics == null ? null : topics.get("nodes");
        if (nodes == null || !nodes.isArray()) {
            snapshot.miss(Signal.TOPICS, UNREADABLE);
            return;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode node : nodes) {
            Optional<String> topic = JsonValues.text(node.path("topic").get("name"));
            if (topic.isEmpty()) {
                snapshot.miss(Signal.TOPICS, UNREADABLE);
                return;
            }
            names.add(topic.get());
        }
        snapshot.put(Signal.TOPICS, List.copyOf(names), at);
    }

    /**
     * The commits of every window ({@code w<k>}); the observation's two quarters are the sums of windows 0–2 and
     * 3–5, so they agree with the flows. {@code failure}: the reason of an error on the whole branch, or null.
     */
    private static void readCommits(JsonNode branch, String failure, RepositorySnapshot snapshot,
            RepositoryHistory history, Instant at) {
        SeriesWindows windows = history.windows();
        if (failure != null) {
            history.missAllCommits(failure);
            return;
        }
        if (branch == null) {
            snapshot.missAll(Signal.COMMITS, UNREADABLE);
            history.missAllCommits(UNREADABLE);
            return;
        }
        for (int k = 0; k < windows.count(); k++) {
            if (branch.isNull()) {
                history.commits(k, 0L); // no default branch: an empty repository, which has no commits
                continue;
            }
            JsonNode window = branch.path("target").get("w" + k);
            Optional<Long> count = JsonValues.absent(window) ? Optional.empty()
                    : JsonValues.count(window.get("totalCount"));
            if (count.isPresent()) {
                history.commits(k, count.get());
            } else {
                history.missCommits(k, UNREADABLE);
            }
        }
        putQuarter(snapshot, Signal.COMMITS_LAST_90_DAYS, history, 0, at);
        putQuarter(snapshot, Signal.COMMITS_PREVIOUS_90_DAYS, history, 3, at);
    }

    private static void putQuarter(RepositorySnapshot snapshot, Signal signal, RepositoryHistory history, int first,
            Instant at) {
        Optional<Long> sum = history.commitSum(first, first + 3);
        if (sum.isPresent()) {
            snapshot.put(signal, sum.get(), at);
        } else {
            snapshot.miss(signal, history.commitGap(first, first + 3));
        }
    }

    private static Optional<PendingReleases> readReleases(JsonNode releases, JsonNode latestRelease,
            boolean latestFailed, RepositorySnapshot snapshot, RepositoryHistory history, Windows windows,
            Instant at) {
        putCount(snapshot, Signal.RELEASES_TOTAL, releases.get("totalCount"), at);
        // the pages reach back to the oldest series window when that lies before the year
        ReleaseTally tally = new ReleaseTally(windows.last365DaysStart(),
                SeriesWindows.startOf(history.windows().oldest()));
        try {
            tally.addGraphqlPage(releases);
        } catch (UnreadableAnswerException e) {
            snapshot.missAll(List.of(Signal.RELEASES_LAST_365_DAYS, Signal.LATEST_RELEASE_TAG,
                    Signal.LATEST_RELEASE_AT), UNREADABLE + " (" + e.getMessage() + ")");
            history.missReleases(UNREADABLE + " (" + e.getMessage() + ")");
            return Optional.empty();
        }
        history.releases(tally);
        if (!tally.complete()) {
            return Optional.of(new PendingReleases(snapshot, history, tally, latestFailed ? null : latestRelease));
        }
        finishReleases(snapshot, tally, latestFailed ? null : latestRelease, at);
        return Optional.empty();
    }

    /** The count of the window and the latest non-prerelease: from the pages, else GitHub's latest release. */
    static void finishReleases(RepositorySnapshot snapshot, ReleaseTally tally, JsonNode latestRelease, Instant at) {
        snapshot.put(Signal.RELEASES_LAST_365_DAYS, tally.inWindow(), at);
        if (tally.latestTag().isPresent()) {
            snapshot.put(Signal.LATEST_RELEASE_TAG, tally.latestTag().get(), at);
            snapshot.put(Signal.LATEST_RELEASE_AT, tally.latestAt().get(), at);
            return;
        }
        if (latestRelease == null) {
            snapshot.missAll(Signal.LATEST_RELEASE, "no non-prerelease among the newest releases, and GitHub's"
                    + " latest release could not be read");
        } else if (JsonValues.absent(latestRelease) || latestRelease.path("isPrerelease").asBoolean(false)) {
            snapshot.none(Signal.LATEST_RELEASE_TAG, at);
            snapshot.none(Signal.LATEST_RELEASE_AT, at);
        } else {
            put(snapshot, Signal.LATEST_RELEASE_TAG, JsonValues.text(latestRelease.get("tagName")), at);
            put(snapshot, Signal.LATEST_RELEASE_AT, JsonValues.instant(latestRelease.get("publishedAt")), at);
        }
    }

    static void putCount(RepositorySnapshot snapshot, Signal signal, JsonNode node, Instant at) {
        put(snapshot, signal, JsonValues.count(node), at);
    }

    static void put(RepositorySnapshot snapshot, Signal signal, Optional<?> value, Instant at) {
        if (value.isPresent()) {
            snapshot.put(signal, value.get(), at);
        } else {
            snapshot.miss(signal, UNREADABLE);
        }
    }

    /** A field GitHub leaves null when there is nothing (no push yet, no language): null means none. */
    private static void putOrNone(RepositorySnapshot snapshot, Signal signal, JsonNode node, boolean failed,
            Function<JsonNode, Optional<?>> read, Instant at) {
        if (failed) {
            return;
        }
        if (node == null) {
            snapshot.miss(signal, UNREADABLE);
        } else if (node.isNull()) {
            snapshot.none(signal, at);
        } else {
            put(snapshot, signal, read.apply(node), at);
        }
    }
}
