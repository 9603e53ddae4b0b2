package dev.ecopulse.github.service;

import static dev.ecopulse.github.client.Replies.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.github.GithubFixtures;
import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.github.client.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The batched GraphQL answer, in GitHub's format, read into observations. */
class SignalsReaderTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final List<String> REPOS = List.of("pytorch/pytorch", "google/old-name", "keras-team/keras",
            "jax-ml/jax");

    @Test
    void readsEverySignalOfEachRepository() {
        List<RepositorySnapshot> batch = read(GithubFixtures.signalsAnswer(REPOS, NOW, 1, (i, a) -> { }));

        GithubObservation torch = observation(batch.get(0));
        assertThat(torch.status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(torch.via()).isEqualTo("graphql");
        assertThat(torch.stars()).isEqualTo(1000);
        assertThat(torch.forks()).isEqualTo(100);
        assertThat(torch.watchers()).isEqualTo(50);
        assertThat(torch.openIssues()).isEqualTo(20);
        assertThat(torch.openPullRequests()).isEqualTo(10);
        assertThat(torch.issuesClosedLast90Days()).isEqualTo(70);
        // the sums of the 30-day windows 0–2 and 3–5
        assertThat(torch.commitsLast90Days()).isEqualTo(110 + 107 + 104);
        assertThat(torch.commitsPrevious90Days()).isEqualTo(101 + 98 + 95);
        assertThat(torch.releasesTotal()).isEqualTo(40);
        assertThat(torch.releasesLast365Days()).isEqualTo(GithubFixtures.RELEASES_LAST_365);
        assertThat(torch.latestReleaseTag()).isEqualTo("v1.0.0"); // the newest non-draft non-prerelease
        assertThat(torch.latestReleaseAt()).isEqualTo(GithubFixtures.latestReleaseAt(NOW));
        assertThat(torch.createdAt()).isEqualTo(Instant.parse("2016-08-13T05:26:41Z"));
        assertThat(torch.archived()).isFalse();
        assertThat(torch.license()).isEqualTo("Apache-2.0");
        assertThat(torch.primaryLanguage()).isEqualTo("Python");
        assertThat(torch.topics()).containsExactly("deep-learning", "machine-learning");
        assertThat(torch.observedAt()).isEqualTo(NOW);
        // the contributor count comes from REST, later
        assertThat(torch.missing()).extracting(MissingSignal::signal).containsExactly("contributors");
        assertThat(observation(batch.get(3)).stars()).isEqualTo(1003);
    }

    @Test
    void aRepositoryThatDoesNotExistIsReportedAsSuchInsideTheBatch() {
        List<RepositorySnapshot> batch = read(GithubFixtures.signalsAnswer(REPOS, NOW, 1,
                (i, a) -> {
                    if (i == 1) {
                        GithubFixtures.notFound(a, 1, REPOS.get(1));
                    }
                }));

        GithubObservation gone = observation(batch.get(1));
        assertThat(gone.status()).isEqualTo(SubjectStatus.NOT_FOUND);
        assertThat(gone.stars()).isNull();
        assertThat(gone.missing()).isEmpty();
        assertThat(observation(batch.get(2)).stars()).isEqualTo(1002);
        assertValid(gone);
    }

    @Test
    void aRenamedRepositoryIsReportedAsMoved() {
        List<RepositorySnapshot> batch = read(GithubFixtures.signalsAnswer(REPOS, NOW, 1,
                (i, a) -> ((ObjectNode) a.get("data").get("r1")).put("nameWithOwner", "google/new-name")));

        GithubObservation moved = observation(batch.get(1));
        assertThat(moved.status()).isEqualTo(SubjectStatus.MOVED);
        assertThat(moved.movedTo()).isEqualTo("google/new-name");
        assertThat(moved.repository()).isEqualTo("google/old-name");
        assertThat(moved.stars()).isEqualTo(1001);
        assertThat(batch.get(1).current()).isEqualTo(new RepositoryName("google", "new-name"));
        // a different letter case is the same repository
        assertThat(observation(batch.get(0)).status()).isEqualTo(SubjectStatus.FOUND);
    }

    @Test
    void anEmptyUnlicensedArchivedRepositoryHasZeroCommitsAndNoReleaseWithoutAnythingMissing() {
        List<RepositorySnapshot> batch = read(GithubFixtures.signalsAnswer(REPOS, NOW, 1, (i, a) -> {
            if (i == 2) {
                ObjectNode r = (ObjectNode) a.get("data").get("r2");
                r.putNull("defaultBranchRef");
                r.putNull("pushedAt");
                r.putNull("licenseInfo");
                r.putNull("primaryLanguage");
                r.putNull("latestRelease");
                r.put("isArchived", true);
                ObjectNode releases = r.putObject("releases");
                releases.put("totalCount", 0);
                releases.putObject("pageInfo").put("hasNextPage", false).putNull("endCursor");
                releases.putArray("nodes");
                r.putObject("repositoryTopics").putArray("nodes");
            }
        }));

        GithubObservation empty = observation(batch.get(2));
        assertThat(empty.commitsLast90Days()).isZero();
        assertThat(empty.commitsPrevious90Days()).isZero();
        assertThat(empty.archived()).isTrue();
        assertThat(empty.license()).isEqualTo("NONE");
        assertThat(empty.pushedAt()).isNull();
        assertThat(empty.primaryLanguage()).isNull();
        assertThat(empty.releasesTotal()).isZero();
        assertThat(empty.releasesLast365Days()).isZero();
        assertThat(empty.latestReleaseTag()).isNull();
        assertThat(empty.topics()).isEmpty();
        assertThat(empty.missing()).extracting(MissingSignal::signal).containsExactly("contributors");
    }

    @Test
    void aLicenseGithubCannotNameIsNoAssertion() {
        List<RepositorySnapshot> batch = read(GithubFixtures.signalsAnswer(REPOS, NOW, 1,
                (i, a) -> ((ObjectNode) a.get("data").get("r0").get("licenseInfo")).putNull("spdxId")));

        assertThat(observation(batch.get(0)).license()).isEqualTo("NOASSERTION");
    }

    @Test
    void aValueOfTheWrongTypeOrAFieldErrorIsMissingNeverAWrongNumber() {
        List<RepositorySnapshot> batch = read(GithubFixtures.signalsAnswer(REPOS, NOW, 1, (i, a) -> {
            if (i == 0) {
                ObjectNode r = (ObjectNode) a.get("data").get("r0");
                r.put("stargazerCount", "12k");
                r.putObject("watchers").put("totalCount", -3);
                r.putNull("releases");
                ObjectNode error = GithubFixtures.errors(a).addObject();
                error.put("type", "SERVICE_UNAVAILABLE");
                error.putArray("path").add("r0").add("releases");
                error.put("message", "Something went wrong while executing your query.");
            }
        }));

        GithubObservation torch = observation(batch.get(0));
        assertThat(torch.stars()).isNull();
        assertThat(torch.watchers()).isNull();
        assertThat(torch.releasesTotal()).isNull();
        assertThat(torch.releasesLast365Days()).isNull();
        assertThat(torch.forks()).isEqualTo(100);
        assertThat(torch.missing()).contains(
                new MissingSignal("stars", SignalsReader.UNREADABLE),
                new MissingSignal("releasesTotal", "GitHub GraphQL error SERVICE_UNAVAILABLE: Something went wrong"
                        + " while executing your query."));
        assertValid(torch);
    }

    @Test
    void malformedJsonIsRefusedWhole() {
        UpstreamReply truncated = reply(Endpoint.GRAPHQL, 200, Map.of(), "{\"data\":{\"r0\":{\"stargazerCount\":12",
                NOW, false);
        UpstreamReply noData = reply(Endpoint.GRAPHQL, 200, Map.of(), "{\"errors\":[{\"message\":\"Something went wrong"
                + " while executing your query. This may be the result of a timeout.\"}]}", NOW, false);

        assertThatThrownBy(() -> GraphqlAnswer.of(truncated)).isInstanceOf(UnreadableAnswerException.class)
                .hasMessage("GitHub answered malformed JSON to the GraphQL query");
        assertThatThrownBy(() -> GraphqlAnswer.of(noData)).isInstanceOf(UnreadableAnswerException.class)
                .hasMessageContaining("This may be the result of a timeout");
    }

    @Test
    void aYearWithMoreReleasesThanOnePageAsksForTheNextPage() {
        ObjectNode answer = GithubFixtures.signalsAnswer(REPOS, NOW, 1, (i, a) -> {
            if (i == 0) {
                ArrayNode nodes = (ArrayNode) a.get("data").get("r0").get("releases").get("nodes");
                nodes.remove(nodes.size() - 1); // every release on the page is within the year
            }
        });
        List<RepositorySnapshot> batch = batch();

        List<SignalsReader.PendingReleases> pending = SignalsReader.read(parsed(answer), batch, histories(batch),
                new Windows(NOW), NOW);

        assertThat(pending).extracting(p -> p.snapshot().target().subject()).containsExactly("pytorch/pytorch");
        assertThat(pending.get(0).tally().nextCursor()).isEqualTo("Y3Vyc29yOnYyOpK5MjAyNS0wMS0wMQ==");
        assertThat(batch.get(0).has(Signal.RELEASES_LAST_365_DAYS)).isFalse();
        assertThat(batch.get(0).has(Signal.RELEASES_TOTAL)).isTrue();
    }

    private static List<RepositorySnapshot> read(ObjectNode answer) {
        List<RepositorySnapshot> batch = batch();
        assertThat(SignalsReader.read(parsed(answer), batch, histories(batch), new Windows(NOW), NOW)).isEmpty();
        return batch;
    }

    static List<RepositoryHistory> histories(List<RepositorySnapshot> batch) {
        SeriesWindows windows = SeriesWindows.of(new Windows(NOW), false);
        return batch.stream().map(s -> new RepositoryHistory(s.target(), windows, false)).toList();
    }

    static List<RepositorySnapshot> batch() {
        return REPOS.stream().map(r -> new RepositorySnapshot(new CollectionTarget(r.replace('/', '-').toLowerCase(),
                r), GraphqlCollection.VIA)).toList();
    }

    static GraphqlAnswer parsed(ObjectNode answer) {
        return GraphqlAnswer.of(reply(Endpoint.GRAPHQL, 200, Map.of(), answer.toString(), NOW, false));
    }

    private static GithubObservation observation(RepositorySnapshot snapshot) {
        GithubObservation observation = snapshot.toObservation("run-1", Duration.ofMinutes(1));
        assertValid(observation);
        return observation;
    }

    private static void assertValid(GithubObservation observation) {
        assertThat(EventSchemas.validate(ObservationSource.GITHUB.eventType(),
                EventJson.mapper().valueToTree(observation))).isEmpty();
    }
}
