package dev.ecopulse.github.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.github.GithubFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** A repository's dated flows, read from the batched GraphQL answer in GitHub's format. */
class RepositoryHistoryTest {

    static final Instant NOW = SignalsReaderTest.NOW; // 2026-11-28T10:00:00Z
    static final LocalDate DAY = LocalDate.parse("2026-11-28");

    @Test
    void everyRunSendsSixCommitWindowsAndSixReleaseWindowsEndingAtTheRunsDay() {
        SeriesObservation series = read(false, (i, a) -> { }).get(0);

        assertThat(series.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
        assertThat(series.subject()).isEqualTo("pytorch/pytorch");
        assertThat(series.observedAt()).isEqualTo(NOW);
        assertThat(flows(series, "commits")).containsExactly(
                window("commits", 5, GithubFixtures.commitsInWindow(0, 5)),
                window("commits", 4, GithubFixtures.commitsInWindow(0, 4)),
                window("commits", 3, GithubFixtures.commitsInWindow(0, 3)),
                window("commits", 2, GithubFixtures.commitsInWindow(0, 2)),
                window("commits", 1, GithubFixtures.commitsInWindow(0, 1)),
                window("commits", 0, GithubFixtures.commitsInWindow(0, 0)));
        assertThat(flows(series, "commits").get(5)).isEqualTo(
                new Flow("commits", LocalDate.parse("2026-10-29"), DAY, GithubFixtures.commitsInWindow(0, 0)));
        // the fixture's releases: one 10 days ago, one 100 days ago (window 3); the draft and the rc do not count
        assertThat(flows(series, "releases")).containsExactly(window("releases", 5, 0), window("releases", 4, 0),
                window("releases", 3, 1), window("releases", 2, 0), window("releases", 1, 0),
                window("releases", 0, 1));
        assertThat(series.missing()).isEmpty();
        assertValid(series);
    }

    @Test
    void aBackfillSendsThirteenWindowsOfEachAndSaysWhyThereIsNoStargazerHistory() {
        SeriesObservation series = read(true, (i, a) -> { }).get(0);

        assertThat(series.origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
        assertThat(flows(series, "commits")).hasSize(13).first()
                .isEqualTo(window("commits", 12, GithubFixtures.commitsInWindow(0, 12)));
        assertThat(flows(series, "releases")).hasSize(13).first().isEqualTo(window("releases", 12, 0));
        assertThat(series.missing()).singleElement().satisfies(m -> {
            assertThat(m.signal()).isEqualTo("stars");
            assertThat(m.reason()).startsWith("stargazer history not collected: since 2026-06-30 GitHub lists"
                    + " stargazers only to a repository's admins and collaborators (it would take 10 requests)");
        });
        assertValid(series);
    }

    @Test
    void aStargazerListPastGithubsPageCapExceedsTheBudget() {
        assertThat(RepositoryHistory.stargazersReason(90_123L)).startsWith(
                "stargazer history exceeds the budget: 902 requests, past the 400 pages GitHub serves");
    }

    @Test
    void aWindowAnsweredWithAnErrorIsLeftOutNamedInMissingAndItsQuarterIsMissing() {
        List<RepositorySnapshot> batch = SignalsReaderTest.batch();
        List<SeriesObservation> all = read(batch, true, (i, a) -> {
            if (i == 0) {
                ((ObjectNode) a.get("data").get("r0").get("defaultBranchRef").get("target")).putNull("w1");
                ObjectNode error = GithubFixtures.errors(a).addObject();
                error.put("type", "SERVICE_UNAVAILABLE");
                error.putArray("path").add("r0").add("defaultBranchRef").add("target").add("w1");
                error.put("message", "Something went wrong while executing your query.");
            }
        });

        SeriesObservation series = all.get(0);
        assertThat(flows(series, "commits")).hasSize(12)
                .noneMatch(f -> f.from().equals(LocalDate.parse("2026-09-29")));
        assertThat(series.missing()).contains(new MissingSignal("commits", "window 2026-09-29 to 2026-10-29:"
                + " GitHub GraphQL error SERVICE_UNAVAILABLE: Something went wrong while executing your query."));
        // a window lost to a failure: the read is published, but not as a settled backfill
        assertThat(series.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
        assertValid(series);
        GithubObservation torch = batch.get(0).toObservation("run-1", Duration.ofMinutes(1));
        assertThat(torch.commitsLast90Days()).isNull();
        assertThat(torch.commitsPrevious90Days()).isEqualTo(GithubFixtures.commitsPrevious90(0));
        assertThat(torch.missing()).extracting(MissingSignal::signal).contains("commitsLast90Days");
        // the other repositories of the batch are whole
        assertThat(all.get(1).origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
        assertThat(flows(all.get(1), "commits")).hasSize(13);
    }

    @Test
    void releaseWindowsBeforeTheRepositoryExistedAreLeftOutAndTheOneAcrossItsCreationStartsThatDay() {
        SeriesObservation series = read(true, (i, a) -> {
            if (i == 0) {
                ((ObjectNode) a.get("data").get("r0")).put("createdAt", "2026-07-15T08:00:00Z");
            }
        }).get(0);

        // window 4 is [2026-07-01, 2026-07-31): it starts on the creation day; windows 5 to 12 are left out
        assertThat(flows(series, "releases")).first()
                .isEqualTo(new Flow("releases", LocalDate.parse("2026-07-15"), LocalDate.parse("2026-07-31"), 0));
        assertThat(flows(series, "releases")).hasSize(5);
        assertThat(flows(series, "commits")).hasSize(13); // git history may predate the repository on GitHub
        assertThat(series.missing()).extracting(MissingSignal::signal).containsExactly("stars");
    }

    @Test
    void releasePagesThatStopWithinTheYearLeaveTheOlderWindowsMissing() {
        List<RepositorySnapshot> batch = SignalsReaderTest.batch();
        ObjectNode answer = GithubFixtures.signalsAnswer(SignalsReaderTest.REPOS, 0, 13, NOW, 1, (i, a) -> {
            if (i == 0) {
                ArrayNode nodes = (ArrayNode) a.get("data").get("r0").get("releases").get("nodes");
                nodes.remove(nodes.size() - 1); // the oldest on the page was created 100 days ago; more pages follow
            }
        });
        List<RepositoryHistory> histories = histories(batch, true);

        List<SignalsReader.PendingReleases> pending = SignalsReader.read(SignalsReaderTest.parsed(answer), batch,
                histories, new Windows(NOW), NOW);
        pending.get(0).history().releasesStopped("more than 1000 releases since", true);
        SeriesObservation series = histories.get(0).toSeries("run-1").orElseThrow();

        // read back to 2026-08-20 (100 days): windows 0 to 2 are whole, window 3 [2026-07-31, 2026-08-30) is not
        assertThat(flows(series, "releases")).containsExactly(window("releases", 2, 0), window("releases", 1, 0),
                window("releases", 0, 1));
        assertThat(series.missing()).contains(new MissingSignal("releases",
                "before 2026-08-30: more than 1000 releases since"));
        assertThat(series.origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL); // a lasting limit, not a failure
    }

    @Test
    void anEmptyRepositoryHasZeroCommitsInEveryWindowAndARepositoryNotFoundNoSeries() {
        List<SeriesObservation> all = read(false, (i, a) -> {
            if (i == 1) {
                GithubFixtures.notFound(a, 1, SignalsReaderTest.REPOS.get(1));
            } else if (i == 2) {
                ((ObjectNode) a.get("data").get("r2")).putNull("defaultBranchRef");
            }
        });

        assertThat(all.get(1)).isNull();
        assertThat(flows(all.get(2), "commits")).hasSize(6).allMatch(f -> f.count() == 0);
    }

    private static List<SeriesObservation> read(boolean backfill, BiConsumer<Integer, ObjectNode> adjust) {
        return read(SignalsReaderTest.batch(), backfill, adjust);
    }

    /** The series of each repository of the batch, null where there is none. */
    private static List<SeriesObservation> read(List<RepositorySnapshot> batch, boolean backfill,
            BiConsumer<Integer, ObjectNode> adjust) {
        int windows = backfill ? SeriesWindows.BACKFILL : SeriesWindows.RECENT;
        ObjectNode answer = GithubFixtures.signalsAnswer(SignalsReaderTest.REPOS, 0, windows, NOW, 1, adjust);
        List<RepositoryHistory> histories = histories(batch, backfill);
        assertThat(SignalsReader.read(SignalsReaderTest.parsed(answer), batch, histories, new Windows(NOW), NOW))
                .isEmpty();
        return histories.stream().map(h -> h.toSeries("run-1").orElse(null)).toList();
    }

    private static List<RepositoryHistory> histories(List<RepositorySnapshot> batch, boolean backfill) {
        SeriesWindows windows = SeriesWindows.of(new Windows(NOW), backfill);
        return batch.stream().map(s -> new RepositoryHistory(s.target(), windows, backfill)).toList();
    }

    private static List<Flow> flows(SeriesObservation series, String signal) {
        return series.flows().stream().filter(f -> f.signal().equals(signal)).toList();
    }

    private static Flow window(String signal, int k, long count) {
        return new Flow(signal, DAY.minusDays(30L * (k + 1)), DAY.minusDays(30L * k), count);
    }

    private static void assertValid(SeriesObservation series) {
        assertThat(EventSchemas.validate(SeriesObservation.eventType(ObservationSource.GITHUB),
                EventJson.mapper().valueToTree(series))).isEmpty();
    }
}
