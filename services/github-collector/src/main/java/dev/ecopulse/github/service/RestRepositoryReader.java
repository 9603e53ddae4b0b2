package dev.ecopulse.github.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads REST {@code GET /repos/{owner}/{repo}} (the full repository) into a snapshot. */
final class RestRepositoryReader {

    /** What later REST requests need from the repository: its default branch and open issues with pull requests. */
    record Facts(Optional<String> defaultBranch, Optional<Long> openIssuesWithPullRequests) {
    }

    private RestRepositoryReader() {
    }

    static Facts read(JsonNode repo, RepositorySnapshot snapshot, Instant at) {
        if (!repo.isObject()) {
            throw new UnreadableAnswerException("GitHub's repository answer is not a JSON object");
        }
        String name = JsonValues.text(repo.get("full_name")).orElse(snapshot.target().subject());
        if (name.equalsIgnoreCase(snapshot.target().subject())) {
            snapshot.found(at);
        } else {
            snapshot.moved(name, at);
        }
        SignalsReader.putCount(snapshot, Signal.STARS, repo.get("stargazers_count"), at);
        SignalsReader.putCount(snapshot, Signal.FORKS, repo.get("forks_count"), at);
        // subscribers_count is the watchers; watchers/watchers_count are legacy aliases of the stars
        SignalsReader.putCount(snapshot, Signal.WATCHERS, repo.get("subscribers_count"), at);
        SignalsReader.put(snapshot, Signal.CREATED_AT, JsonValues.instant(repo.get("created_at")), at);
        nullMeansNone(snapshot, Signal.PUSHED_AT, repo.get("pushed_at"), JsonValues.instant(repo.get("pushed_at")), at);
        SignalsReader.put(snapshot, Signal.ARCHIVED, JsonValues.bool(repo.get("archived")), at);
        nullMeansNone(snapshot, Signal.PRIMARY_LANGUAGE, repo.get("language"), JsonValues.text(repo.get("language")),
                at);
        readLicense(repo.get("license"), snapshot, at);
        readTopics(repo.get("topics"), snapshot, at);
        return new Facts(JsonValues.text(repo.get("default_branch")), JsonValues.count(repo.get("open_issues_count")));
    }

    private static void readLicense(JsonNode license, RepositorySnapshot snapshot, Instant at) {
        if (license == null) {
            snapshot.miss(Signal.LICENSE, SignalsReader.UNREADABLE);
        } else if (license.isNull()) {
            snapshot.put(Signal.LICENSE, "NONE", at);
        } else if (JsonValues.absent(license.get("spdx_id"))) {
            snapshot.put(Signal.LICENSE, "NOASSERTION", at);
        } else {
            SignalsReader.put(snapshot, Signal.LICENSE, JsonValues.text(license.get("spdx_id")), at);
        }
    }

    private static void readTopics(JsonNode topics, RepositorySnapshot snapshot, Instant at) {
        if (topics == null || !topics.isArray()) {
            snapshot.miss(Signal.TOPICS, SignalsReader.UNREADABLE);
            return;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode topic : topics) {
            if (!topic.isTextual()) {
                snapshot.miss(Signal.TOPICS, SignalsReader.UNREADABLE);
                return;
            }
            names.add(topic.asText());
        }
        snapshot.put(Signal.TOPICS, List.copyOf(names), at);
    }

    private static void nullMeansNone(RepositorySnapshot snapshot, Signal signal, JsonNode node, Optional<?> value,
            Instant at) {
        if (node != null && node.isNull()) {
            snapshot.none(signal, at);
        } else {
            SignalsReader.put(snapshot, signal, value, at);
        }
    }
}
