package dev.ecopulse.github.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the answer to {@link GraphqlQueries#signals} into the batch's snapshots. {@code rN: null} with a
 * {@code NOT_FOUND} error is a repository that does not exist; another name in {@code nameWithOwner} is a rename.
 * A field with an error, of the wrong type or absent where GitHub always sends one is missing, never guessed.
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

    /** A repository whose releases need more pages to count the last 365 days. */
    record PendingReleases(RepositorySnapshot snapshot, ReleaseTally tally, JsonNode latestRelease) {
    }

    private SignalsReader() {
    }

    /** Fills the snapshots; answers the repositories whose release count needs more pages. */
    static List<PendingReleases> read(GraphqlAnswer answer, List<RepositorySnapshot> batch, Windows windows,
            Instant at) {
        List<PendingReleases> pending = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            RepositorySnapshot snapshot = batch.get(i);
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
            Set<String> failedFields = new HashSet<>();
            for (GraphqlAnswer.Error error : answer.errors(alias)) {
                if (error.field() != null) {
                    failedFields.add(error.field());
                    snapshot.missAll(FIELD_SIGNALS.getOrDefault(error.field(), Set.of()), error.reason());
                }
            }
            readRepository(repository.get(), snapshot, failedFields, windows, at).ifPresent(pending::add);
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

    private static Optional<PendingReleases> readRepository(JsonNode r, RepositorySnapshot snapshot,
            Set<String> failedFields, Windows windows, Instant at) {
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
        putOrNone(snapshot, Signal.PUSHED_AT, r.get("pushedAt"), failedFields.contains("pushedAt"),
                JsonValues::instant, at);
        put(snapshot, Signal.ARCHIVED, JsonValues.bool(r.get("isArchived")), at);
        readLicense(r.get("licenseInfo"), failedFields.contains("licenseInfo"), snapshot, at);
        putOrNone(snapshot, Signal.PRIMARY_LANGUAGE, r.get("primaryLanguage"),
                failedFields.contains("primaryLanguage"), n -> JsonValues.text(n.get("name")), at);
        readTopics(r.get("repositoryTopics"), snapshot, at);
        readCommits(r.get("defaultBranchRef"), failedFields.contains("defaultBranchRef"), snapshot, at);
        if (failedFields.contains("releases")) {
            return Optional.empty();
        }
        return readReleases(r.path("releases"), r.get("latestRelease"), failedFields.contains("latestRelease"),
                snapshot, windows, at);
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

    private static void readCommits(JsonNode branch, boolean failed, RepositorySnapshot snapshot, Instant at) {
        if (failed) {
            return;
        }
        if (branch == null) {
            snapshot.missAll(Signal.COMMITS, UNREADABLE);
            return;
        }
        if (branch.isNull()) {
            // no default branch: an empty repository, which has no commits
            snapshot.put(Signal.COMMITS_LAST_90_DAYS, 0L, at);
            snapshot.put(Signal.COMMITS_PREVIOUS_90_DAYS, 0L, at);
            return;
        }
        JsonNode target = branch.path("target");
        putCount(snapshot, Signal.COMMITS_LAST_90_DAYS, target.path("last90Days").get("totalCount"), at);
        putCount(snapshot, Signal.COMMITS_PREVIOUS_90_DAYS, target.path("previous90Days").get("totalCount"), at);
    }

    private static Optional<PendingReleases> readReleases(JsonNode releases, JsonNode latestRelease,
            boolean latestFailed, RepositorySnapshot snapshot, Windows windows, Instant at) {
        putCount(snapshot, Signal.RELEASES_TOTAL, releases.get("totalCount"), at);
        ReleaseTally tally = new ReleaseTally(windows.last365DaysStart());
        try {
            tally.addGraphqlPage(releases);
        } catch (UnreadableAnswerException e) {
            snapshot.missAll(List.of(Signal.RELEASES_LAST_365_DAYS, Signal.LATEST_RELEASE_TAG,
                    Signal.LATEST_RELEASE_AT), UNREADABLE + " (" + e.getMessage() + ")");
            return Optional.empty();
        }
        if (!tally.complete()) {
            return Optional.of(new PendingReleases(snapshot, tally, latestFailed ? null : latestRelease));
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
