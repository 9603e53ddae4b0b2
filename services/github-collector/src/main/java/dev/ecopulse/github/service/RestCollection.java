package dev.ecopulse.github.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.github.client.ConditionalGets;
import dev.ecopulse.github.client.Endpoint;
import dev.ecopulse.github.client.GithubRequests;
import dev.ecopulse.github.client.LinkHeader;
import dev.ecopulse.contract.time.TimeSource;
import dev.ecopulse.github.client.UpstreamException;
import dev.ecopulse.github.config.GithubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Collection without a token, through REST alone (60 requests/hour): per repository the repository itself, open pull
 * requests, a closed-issue search, two commit counts, releases and contributors, each signal from the same GitHub
 * data as GraphQL mode. Every GET is conditional, so unchanged answers are reused.
 */
@ApplicationScoped
public class RestCollection {

    static final String VIA = "rest";
    private static final int RELEASES_PAGE = 100;

    private final GithubRequests api;
    private final ConditionalGets gets;
    private final ContributorCounter contributors;
    private final TimeSource sleeper;
    private final GithubConfig config;

    RestCollection(GithubRequests api, ConditionalGets gets, ContributorCounter contributors, TimeSource sleeper,
            GithubConfig config) {
        this.api = api;
        this.gets = gets;
        this.contributors = contributors;
        this.sleeper = sleeper;
        this.config = config;
    }

    public void collect(RunContext run) throws InterruptedException {
        for (CollectionTarget target : run.targets()) {
            RepositorySnapshot snapshot = new RepositorySnapshot(target, VIA);
            collect(run, snapshot);
            Publishing.publish(run, snapshot, config.observedAtTolerance());
        }
    }

    private void collect(RunContext run, RepositorySnapshot snapshot) throws InterruptedException {
        RepositoryName requested = snapshot.requested();
        RestRepositoryReader.Facts facts;
        try {
            UpstreamReply answer = gets.get(Endpoint.REPOSITORY, run,
                    api.repository(requested.owner(), requested.name()));
            if (answer.status() == 404) {
                snapshot.notFound(answer.receivedAt());
                return;
            }
            if (answer.status() != 200) {
                throw new UpstreamException(RestAnswers.describe(answer));
            }
            facts = RestRepositoryReader.read(RestAnswers.json(answer), snapshot, answer.receivedAt());
        } catch (UpstreamException e) {
            // without the repository nothing else is worth the hourly budget
            snapshot.missAll(EnumSet.allOf(Signal.class), e.getMessage());
            return;
        }
        RepositoryName repository = snapshot.current();
        Windows windows = new Windows(sleeper.now());
        openPullRequests(run, snapshot, repository, facts);
        closedIssues(run, snapshot, repository, windows);
        commits(run, snapshot, repository, facts, windows);
        releases(run, snapshot, repository, windows);
        contributors.count(run, snapshot);
    }

    /** Open pull requests; open issues are the repository's {@code open_issues_count} without them. */
    private void openPullRequests(RunContext run, RepositorySnapshot snapshot, RepositoryName repository,
            RestRepositoryReader.Facts facts) throws InterruptedException {
        try {
            UpstreamReply answer = ok(gets.get(Endpoint.PULLS, run,
                    api.pulls(repository.owner(), repository.name(), "open", 1)));
            long pulls = RestAnswers.listSize(answer);
            snapshot.put(Signal.OPEN_PULL_REQUESTS, pulls, answer.receivedAt());
            if (facts.openIssuesWithPullRequests().isEmpty() || facts.openIssuesWithPullRequests().get() < pulls) {
                snapshot.miss(Signal.OPEN_ISSUES, "GitHub's open_issues_count is unreadable or below the open"
                        + " pull requests");
            } else {
                snapshot.put(Signal.OPEN_ISSUES, facts.openIssuesWithPullRequests().get() - pulls,
                        answer.receivedAt());
            }
        } catch (UpstreamException e) {
            snapshot.missAll(List.of(Signal.OPEN_PULL_REQUESTS, Signal.OPEN_ISSUES), e.getMessage());
        }
    }

    private void closedIssues(RunContext run, RepositorySnapshot snapshot, RepositoryName repository,
            Windows windows) throws InterruptedException {
        String query = windows.closedIssuesQuery(repository.fullName());
        try {
            UpstreamReply answer = ok(gets.get(Endpoint.SEARCH, run, api.searchIssues(query, 1)));
            JsonNode result = RestAnswers.json(answer);
            if (result.path("incomplete_results").asBoolean(false)) {
                snapshot.miss(Signal.ISSUES_CLOSED_LAST_90_DAYS, "GitHub search timed out; its count is incomplete");
                return;
            }
            SignalsReader.putCount(snapshot, Signal.ISSUES_CLOSED_LAST_90_DAYS, result.get("total_count"),
                    answer.receivedAt());
        } catch (UpstreamException e) {
            snapshot.miss(Signal.ISSUES_CLOSED_LAST_90_DAYS, e.getMessage());
        }
    }

    private void commits(RunContext run, RepositorySnapshot snapshot, RepositoryName repository,
            RestRepositoryReader.Facts facts, Windows windows) throws InterruptedException {
        if (facts.defaultBranch().isEmpty()) {
            snapshot.missAll(Signal.COMMITS, "GitHub named no default branch");
            return;
        }
        String branch = facts.defaultBranch().get();
        // whole UTC days, as in GraphQL mode, where the counts are sums of the 30-day series windows
        countCommits(run, snapshot, Signal.COMMITS_LAST_90_DAYS, repository, branch, windows.commitsLast90Start(),
                windows.dayStart());
        countCommits(run, snapshot, Signal.COMMITS_PREVIOUS_90_DAYS, repository, branch,
                windows.commitsPrevious90Start(), windows.commitsLast90Start());
    }

    private void countCommits(RunContext run, RepositorySnapshot snapshot, Signal signal, RepositoryName repository,
            String branch, Instant since, Instant until) throws InterruptedException {
        try {
            UpstreamReply answer = gets.get(Endpoint.COMMITS, run, api.commits(repository.owner(), repository.name(),
                    branch, since.toString(), until.toString(), 1));
            if (answer.status() == 409) {
                snapshot.put(signal, 0L, answer.receivedAt()); // "Git Repository is empty."
                return;
            }
            snapshot.put(signal, RestAnswers.listSize(ok(answer)), answer.receivedAt());
        } catch (UpstreamException e) {
            snapshot.miss(signal, e.getMessage());
        }
    }

    /** Total from the last page, the year's count and the latest non-prerelease from the newest pages. */
    private void releases(RunContext run, RepositorySnapshot snapshot, RepositoryName repository, Windows windows)
            throws InterruptedException {
        try {
            UpstreamReply first = releasePage(run, repository, 1);
            OptionalLong lastPage = LinkHeader.lastPage(first.header("link"));
            ReleaseTally tally = new ReleaseTally(windows.last365DaysStart());
            tally.addRestPage(RestAnswers.json(first), lastPage.isPresent(), 1);
            Instant at = first.receivedAt();
            if (lastPage.isEmpty()) {
                snapshot.put(Signal.RELEASES_TOTAL, (long) RestAnswers.json(first).size(), at);
            } else {
                UpstreamReply last = releasePage(run, repository, (int) lastPage.getAsLong());
                snapshot.put(Signal.RELEASES_TOTAL, (lastPage.getAsLong() - 1) * RELEASES_PAGE
                        + RestAnswers.json(last).size(), last.receivedAt());
            }
            while (!tally.complete() && tally.pages() < GraphqlCollection.MAX_RELEASE_PAGES) {
                int page = Integer.parseInt(tally.nextCursor());
                UpstreamReply next = releasePage(run, repository, page);
                boolean more = lastPage.isPresent() && page < lastPage.getAsLong();
                tally.addRestPage(RestAnswers.json(next), more, page);
                at = next.receivedAt();
            }
            if (!tally.complete()) {
                snapshot.miss(Signal.RELEASES_LAST_365_DAYS, "more than " + tally.pages() * RELEASES_PAGE
                        + " releases in the last 365 days");
            } else {
                snapshot.put(Signal.RELEASES_LAST_365_DAYS, tally.inWindow(), at);
            }
            latestRelease(run, snapshot, repository, tally, at);
        } catch (UpstreamException e) {
            snapshot.missAll(List.of(Signal.RELEASES_TOTAL, Signal.RELEASES_LAST_365_DAYS,
                    Signal.LATEST_RELEASE_TAG, Signal.LATEST_RELEASE_AT), e.getMessage());
        }
    }

    private void latestRelease(RunContext run, RepositorySnapshot snapshot, RepositoryName repository,
            ReleaseTally tally, Instant at) throws InterruptedException {
        if (tally.latestTag().isPresent()) {
            snapshot.put(Signal.LATEST_RELEASE_TAG, tally.latestTag().get(), at);
            snapshot.put(Signal.LATEST_RELEASE_AT, tally.latestAt().get(), at);
            return;
        }
        if (snapshot.has(Signal.RELEASES_TOTAL) && (Long) snapshot.value(Signal.RELEASES_TOTAL) == 0) {
            snapshot.none(Signal.LATEST_RELEASE_TAG, at);
            snapshot.none(Signal.LATEST_RELEASE_AT, at);
            return;
        }
        // only prereleases and drafts among the newest: ask GitHub for its latest release
        UpstreamReply answer = gets.get(Endpoint.LATEST_RELEASE, run,
                api.latestRelease(repository.owner(), repository.name()));
        if (answer.status() == 404) {
            snapshot.none(Signal.LATEST_RELEASE_TAG, answer.receivedAt());
            snapshot.none(Signal.LATEST_RELEASE_AT, answer.receivedAt());
            return;
        }
        JsonNode latest = RestAnswers.json(ok(answer));
        SignalsReader.put(snapshot, Signal.LATEST_RELEASE_TAG, JsonValues.text(latest.get("tag_name")),
                answer.receivedAt());
        SignalsReader.put(snapshot, Signal.LATEST_RELEASE_AT, JsonValues.instant(latest.get("published_at")),
                answer.receivedAt());
    }

    private UpstreamReply releasePage(RunContext run, RepositoryName repository, int page) throws InterruptedException {
        return ok(gets.get(Endpoint.RELEASES, run,
                api.releases(repository.owner(), repository.name(), RELEASES_PAGE, page)));
    }

    private static UpstreamReply ok(UpstreamReply answer) {
        if (answer.status() != 200 && answer.status() != 204) {
            throw new UpstreamException(RestAnswers.describe(answer));
        }
        return answer;
    }

    private static String key(RepositoryName repository) {
        return repository.fullName().toLowerCase(Locale.ROOT);
    }
}
