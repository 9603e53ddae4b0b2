package dev.ecopulse.github.service;

import java.util.EnumSet;
import java.util.Set;

/** The signals of a repository observation, by their field name in the payload. */
public enum Signal {
    STARS("stars"),
    FORKS("forks"),
    WATCHERS("watchers"),
    OPEN_ISSUES("openIssues"),
    OPEN_PULL_REQUESTS("openPullRequests"),
    ISSUES_CLOSED_LAST_90_DAYS("issuesClosedLast90Days"),
    CONTRIBUTORS("contributors"),
    COMMITS_LAST_90_DAYS("commitsLast90Days"),
    COMMITS_PREVIOUS_90_DAYS("commitsPrevious90Days"),
    RELEASES_TOTAL("releasesTotal"),
    LATEST_RELEASE_TAG("latestReleaseTag"),
    LATEST_RELEASE_AT("latestReleaseAt"),
    RELEASES_LAST_365_DAYS("releasesLast365Days"),
    CREATED_AT("createdAt"),
    PUSHED_AT("pushedAt"),
    ARCHIVED("archived"),
    LICENSE("license"),
    PRIMARY_LANGUAGE("primaryLanguage"),
    TOPICS("topics");

    /** What the batched GraphQL query answers: everything but the contributor count. */
    public static final Set<Signal> FROM_GRAPHQL = EnumSet.complementOf(EnumSet.of(CONTRIBUTORS));

    public static final Set<Signal> LATEST_RELEASE = EnumSet.of(LATEST_RELEASE_TAG, LATEST_RELEASE_AT);

    public static final Set<Signal> COMMITS = EnumSet.of(COMMITS_LAST_90_DAYS, COMMITS_PREVIOUS_90_DAYS);

    private final String field;

    Signal(String field) {
        this.field = field;
    }

    /** Field name in {@code GithubObservation}, also the name used in {@code missing}. */
    public String field() {
        return field;
    }
}
