package dev.ecopulse.github.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.github.client.Endpoint;
import dev.ecopulse.github.client.GithubRequests;
import dev.ecopulse.github.client.GithubCaller;
import dev.ecopulse.github.client.RateLimits;
import dev.ecopulse.contract.time.TimeSource;
import dev.ecopulse.github.client.UpstreamException;
import dev.ecopulse.github.config.GithubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Collection with a token: one GraphQL query per batch of repositories for every signal but the contributor count,
 * with 30-day commit windows, then one conditional REST request per repository for that count. A few extra queries
 * only where needed: closed-issue searches under a repository's new name, and further release pages of a repository
 * with over 100 releases a year. After each observation, the repository's dated flows as a series: the recent windows
 * every run, a year of them for a repository the run backfills (in smaller batches, as their query reads twice the
 * history).
 */
@ApplicationScoped
public class GraphqlCollection {

    static final String VIA = "graphql";
    /** Release pages read per repository at most (the first one included). */
    static final int MAX_RELEASE_PAGES = 10;

    private static final Logger LOG = Logger.getLogger(GraphqlCollection.class);

    private final GithubRequests api;
    private final GithubCaller caller;
    private final RateLimits limits;
    private final ContributorCounter contributors;
    private final TimeSource sleeper;
    private final GithubConfig config;

    GraphqlCollection(GithubRequests api, GithubCaller caller, RateLimits limits,
            ContributorCounter contributors, TimeSource sleeper, GithubConfig config) {
        this.api = api;
        this.caller = caller;
        this.limits = limits;
        this.contributors = contributors;
        this.sleeper = sleeper;
        this.config = config;
    }

    public void collect(RunContext run) throws InterruptedException {
        Map<Boolean, List<CollectionTarget>> byBackfill = run.targets().stream()
                .collect(Collectors.partitioningBy(run::backfill));
        if (!byBackfill.get(true).isEmpty()) {
            LOG.infof("Run %s: backfilling %d repositories (a year of commit and release windows)",
                    run.runId(), byBackfill.get(true).size());
        }
        collectInBatches(run, byBackfill.get(false), config.batchSize(), false);
        collectInBatches(run, byBackfill.get(true), Math.min(config.batchSize(), config.backfillBatchSize()), true);
    }

    private void collectInBatches(RunContext run, List<CollectionTarget> targets, int size, boolean backfill)
            throws InterruptedException {
        for (int from = 0; from < targets.size(); from += size) {
            collectBatch(run, targets.subList(from, Math.min(targets.size(), from + size)), backfill);
        }
    }

    private void collectBatch(RunContext run, List<CollectionTarget> batch, boolean backfill)
            throws InterruptedException {
        List<RepositorySnapshot> snapshots = batch.stream().map(t -> new RepositorySnapshot(t, VIA)).toList();
        Windows windows = new Windows(sleeper.now());
        SeriesWindows series = SeriesWindows.of(windows, backfill);
        List<RepositoryHistory> histories = batch.stream().map(t -> new RepositoryHistory(t, series, backfill))
                .toList();
        List<SignalsReader.PendingReleases> pending = List.of();
        try {
            GraphqlQueries.Query query = GraphqlQueries.signals(
                    snapshots.stream().map(RepositorySnapshot::requested).toList(), windows, series);
            UpstreamReply answer = query(run, query, GraphqlQueries.estimatedPoints(batch.size(), series.count()));
            pending = SignalsReader.read(account(run, answer), snapshots, histories, windows, answer.receivedAt());
        } catch (UpstreamException e) {
            LOG.warnf("Run %s: GraphQL query for %d repositories failed: %s", run.runId(), batch.size(),
                    e.getMessage());
            run.error("GraphQL query for " + batch.size() + " repositories: " + e.getMessage());
            snapshots.forEach(s -> s.missAll(Signal.FROM_GRAPHQL, e.getMessage()));
        }
        recountClosedIssuesOfMoved(run, snapshots, windows);
        for (SignalsReader.PendingReleases p : pending) {
            readMoreReleases(run, p);
        }
        for (int i = 0; i < snapshots.size(); i++) {
            RepositorySnapshot snapshot = snapshots.get(i);
            if (!snapshot.isNotFound()) {
                contributors.count(run, snapshot);
            }
            Publishing.publish(run, snapshot, config.observedAtTolerance());
            if (snapshot.known() && !snapshot.isNotFound()) {
                histories.get(i).toSeries(run.runId()).ifPresent(run::publishSeries);
            }
        }
    }

    /** GitHub search does not follow renames: count the closed issues again under the new names. */
    private void recountClosedIssuesOfMoved(RunContext run, List<RepositorySnapshot> snapshots, Windows windows)
            throws InterruptedException {
        List<RepositorySnapshot> moved = snapshots.stream().filter(RepositorySnapshot::isMoved).toList();
        if (moved.isEmpty()) {
            return;
        }
        moved.forEach(s -> s.forget(Signal.ISSUES_CLOSED_LAST_90_DAYS));
        try {
            GraphqlQueries.Query query = GraphqlQueries.closedIssues(
                    moved.stream().map(RepositorySnapshot::current).toList(), windows);
            UpstreamReply answer = query(run, query, 1);
            GraphqlAnswer parsed = account(run, answer);
            for (int i = 0; i < moved.size(); i++) {
                SignalsReader.readClosedIssues(parsed, "c" + i, moved.get(i), answer.receivedAt());
            }
        } catch (UpstreamException e) {
            moved.forEach(s -> s.miss(Signal.ISSUES_CLOSED_LAST_90_DAYS, e.getMessage()));
        }
    }

    private void readMoreReleases(RunContext run, SignalsReader.PendingReleases pending)
            throws InterruptedException {
        RepositorySnapshot snapshot = pending.snapshot();
        ReleaseTally tally = pending.tally();
        try {
            UpstreamReply answer = null;
            while (!tally.complete() && tally.pages() < MAX_RELEASE_PAGES) {
                answer = query(run, GraphqlQueries.releasesAfter(snapshot.current(), tally.nextCursor()), 1);
                GraphqlAnswer parsed = account(run, answer);
                JsonNode releases = parsed.alias("r0").map(r -> r.path("releases"))
                        .orElseThrow(() -> new UnreadableAnswerException(parsed.reasonFor("r0")));
                tally.addGraphqlPage(releases);
            }
            if (!tally.windowComplete()) {
                snapshot.miss(Signal.RELEASES_LAST_365_DAYS, "more than "
                        + MAX_RELEASE_PAGES * GraphqlQueries.RELEASES_PAGE + " releases in the last 365 days");
            }
            if (!tally.complete()) {
                pending.history().releasesStopped("more than " + MAX_RELEASE_PAGES * GraphqlQueries.RELEASES_PAGE
                        + " releases since, beyond the " + MAX_RELEASE_PAGES + " pages read per repository", true);
            }
            SignalsReader.finishReleases(snapshot, tally, pending.latestRelease(),
                    answer == null ? sleeper.now() : answer.receivedAt());
        } catch (UpstreamException e) {
            snapshot.missAll(List.of(Signal.RELEASES_LAST_365_DAYS, Signal.LATEST_RELEASE_TAG,
                    Signal.LATEST_RELEASE_AT), e.getMessage());
            pending.history().releasesStopped("a further release page failed: " + e.getMessage(), false);
        }
    }

    private UpstreamReply query(RunContext run, GraphqlQueries.Query query, long estimatedPoints)
            throws InterruptedException {
        UpstreamReply answer = caller.call(Endpoint.GRAPHQL, estimatedPoints, run, () -> api.graphql(query.body()));
        if (answer.status() != 200) {
            throw new UpstreamException(RestAnswers.describe(answer));
        }
        return answer;
    }

    /** Reads the answer and books its {@code rateLimit}: the budget left and the points it cost. */
    private GraphqlAnswer account(RunContext run, UpstreamReply answer) {
        GraphqlAnswer parsed = GraphqlAnswer.of(answer);
        parsed.rateLimit().ifPresent(rate -> {
            limits.update(Endpoint.GRAPHQL.resource(), rate.limit(), rate.remaining(), rate.resetAt());
            caller.countPoints(rate.cost(), run);
        });
        return parsed;
    }
}
