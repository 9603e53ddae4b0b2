package dev.ecopulse.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ecopulse.collector.run.BackfillLedger;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.CloudEventAttributes;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.TopicClient;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dated flows of the shipped catalog's repositories against GitHub's formats on WireMock and a real broker: the
 * commit windows in the batched query, one series event per repository after its observation, a backfill's year of
 * windows in smaller batches, and partial answers.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG, value = "ecopulse.github.api-url"))
class GithubSeriesIT {

    static final String SERIES_TYPE = SeriesObservation.eventType(ObservationSource.GITHUB);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    VirtualTime time;

    @Inject
    BackfillLedger ledger;

    GithubStubs github;
    LocalDate day;

    @BeforeEach
    void stubGithub() {
        wireMock.resetAll();
        TestTime.resetToNow(time);
        Runs.backfilled(ledger);
        github = new GithubStubs(wireMock, time.now());
        day = LocalDate.ofInstant(time.now(), ZoneOffset.UTC);
        github.contributors();
    }

    @Test
    void everyRunAsksForSixCommitWindowsAndSendsThemWithTheReleaseWindowsAfterEachObservation() throws Exception {
        List<CollectionTarget> targets = GithubStubs.TARGETS;
        int gone = GithubStubs.indexOf("keras-mxnet");
        github.signals((i, answer) -> {
            if (i == gone) {
                GithubFixtures.notFound(answer, gone, targets.get(gone).subject());
            }
        });

        String runId = Runs.start();
        JsonPath run = Runs.finished(runId);

        assertThat(run.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("seriesPublished")).isEqualTo(targets.size() - 1);
        JsonNode variables = variables(github.servedGraphql("Signals").get(0));
        for (int k = 0; k <= 6; k++) {
            assertThat(variables.get("d" + k).asText()).isEqualTo(day.minusDays(30L * k) + "T00:00:00Z");
        }
        assertThat(variables.has("d7")).isFalse();
        List<ConsumerRecord<String, String>> all = Runs.allEvents(runId, 2 * targets.size() - 1);
        List<ConsumerRecord<String, String>> series = all.stream().filter(r -> type(r).equals(SERIES_TYPE))
                .toList();
        assertThat(series).hasSize(targets.size() - 1).noneMatch(r -> r.key().equals("keras-mxnet"));
        for (int i = 0; i < targets.size(); i++) {
            if (i == gone) {
                continue;
            }
            String project = targets.get(i).projectId();
            SeriesObservation s = Runs.seriesOf(series, project).orElseThrow();
            assertThat(s.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
            assertThat(s.subject()).isEqualTo(targets.get(i).subject());
            assertThat(commits(s)).containsExactlyElementsOf(expectedCommits(day, i, 6));
            assertThat(releases(s)).hasSize(6).extracting(Flow::count).containsExactly(0L, 0L, 1L, 0L, 0L, 1L);
            assertThat(s.missing()).isEmpty();
            // after the observation, on the same partition (same key)
            assertThat(offsetOf(all, project, SERIES_TYPE))
                    .isGreaterThan(offsetOf(all, project, ObservationSource.GITHUB.eventType()));
        }
        for (ConsumerRecord<String, String> record : series) {
            assertSeriesEnvelope(record);
        }
    }

    @Test
    void aBackfillRunReadsThirteenWindowsInBatchesOfTwentyFiveAndTheNextRunOnlyTheRecentOnes() throws Exception {
        int n = GithubStubs.TARGETS.size();
        github.signals((i, answer) -> { });
        github.backfill((i, answer) -> { });

        String backfill = Runs.startBackfill();
        JsonPath first = Runs.finished(backfill);

        assertThat(first.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(first.getBoolean("backfill")).isTrue();
        List<ServeEvent> queries = github.servedGraphql("Signals");
        assertThat(queries).hasSize(2).allSatisfy(q -> assertThat(variables(q).get("d13").asText())
                .isEqualTo(day.minusDays(390) + "T00:00:00Z"));
        assertThat(first.getLong("cost")).isEqualTo(5 + 5 + n); // each answer's rateLimit.cost, one per REST request
        List<ConsumerRecord<String, String>> series = Runs.seriesEvents(backfill, n);
        assertThat(series).hasSize(n);
        for (int i = 0; i < n; i++) {
            SeriesObservation s = Runs.seriesOf(series, GithubStubs.TARGETS.get(i).projectId()).orElseThrow();
            assertThat(s.origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
            assertThat(commits(s)).containsExactlyElementsOf(expectedCommits(day, i, 13));
            assertThat(releases(s)).hasSize(13).first().isEqualTo(new Flow("releases", day.minusDays(390),
                    day.minusDays(360), 0));
            assertThat(s.missing()).extracting(MissingSignal::signal).containsExactly("stars");
        }
        assertThat(Runs.observation(Runs.events(backfill, n).get(0)).commitsLast90Days()).isNotNull();

        wireMock.resetRequests();
        String next = Runs.start();

        assertThat(Runs.finished(next).getBoolean("backfill")).isFalse();
        assertThat(github.servedGraphql("Signals")).singleElement()
                .satisfies(q -> assertThat(variables(q).has("d7")).isFalse());
        assertThat(Runs.seriesEvents(next, n)).hasSize(n).map(Runs::series).allSatisfy(s -> {
            assertThat(s.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
            assertThat(commits(s)).hasSize(6);
        });
    }

    @Test
    void aWindowAnsweredNullWithAnErrorIsLeftOutAndNamedInMissing() {
        github.signals((i, answer) -> {
            if (i == 0) {
                ((ObjectNode) answer.get("data").get("r0").get("defaultBranchRef").get("target")).putNull("w4");
                ObjectNode error = GithubFixtures.errors(answer).addObject();
                error.put("type", "SERVICE_UNAVAILABLE");
                error.putArray("path").add("r0").add("defaultBranchRef").add("target").add("w4");
                error.putArray("locations").addObject().put("line", 40).put("column", 11);
                error.put("message", "Something went wrong while executing your query. Please include"
                        + " `C2A0:7F3B:1A2B3C:4D5E6F` when reporting this issue.");
            }
        });

        String runId = Runs.start();

        assertThat(Runs.finished(runId).getString("state")).isEqualTo("SUCCEEDED");
        String torch = GithubStubs.TARGETS.get(0).projectId();
        SeriesObservation series = Runs.seriesOf(Runs.seriesEvents(runId, GithubStubs.TARGETS.size()), torch)
                .orElseThrow();
        assertThat(commits(series)).hasSize(5).noneMatch(f -> f.from().equals(day.minusDays(150)));
        assertThat(series.missing()).singleElement().satisfies(m -> {
            assertThat(m.signal()).isEqualTo("commits");
            assertThat(m.reason()).startsWith("window " + day.minusDays(150) + " to " + day.minusDays(120)
                    + ": GitHub GraphQL error SERVICE_UNAVAILABLE: Something went wrong");
        });
        GithubObservation observation = Runs.of(Runs.events(runId, GithubStubs.TARGETS.size()), torch);
        assertThat(observation.commitsLast90Days()).isEqualTo(GithubFixtures.commitsLast90(0));
        assertThat(observation.commitsPrevious90Days()).isNull();
        assertThat(observation.missing()).extracting(MissingSignal::signal).containsExactly("commitsPrevious90Days");
    }

    /** The fixture's commit windows of repository {@code i}, oldest first, as flows ending at {@code day}. */
    static List<Flow> expectedCommits(LocalDate day, int i, int windows) {
        return IntStream.iterate(windows - 1, k -> k >= 0, k -> k - 1)
                .mapToObj(k -> new Flow("commits", day.minusDays(30L * (k + 1)), day.minusDays(30L * k),
                        GithubFixtures.commitsInWindow(i, k)))
                .toList();
    }

    static List<Flow> commits(SeriesObservation series) {
        return series.flows().stream().filter(f -> f.signal().equals("commits")).toList();
    }

    static List<Flow> releases(SeriesObservation series) {
        return series.flows().stream().filter(f -> f.signal().equals("releases")).toList();
    }

    static JsonNode variables(ServeEvent query) {
        try {
            return EventJson.mapper().readTree(query.getRequest().getBodyAsString()).get("variables");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String type(ConsumerRecord<String, String> record) {
        return TopicClient.headers(record).get(CloudEventAttributes.HEADER_TYPE);
    }

    static long offsetOf(List<ConsumerRecord<String, String>> records, String project, String type) {
        return records.stream().filter(r -> r.key().equals(project) && type(r).equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " of " + project)).offset();
    }

    static void assertSeriesEnvelope(ConsumerRecord<String, String> record) throws Exception {
        assertThat(TopicClient.headers(record)).containsEntry(CloudEventAttributes.HEADER_SPEC_VERSION, "1.0")
                .containsEntry(CloudEventAttributes.HEADER_SOURCE, "/collectors/github")
                .containsEntry(CloudEventAttributes.HEADER_SUBJECT, record.key())
                .containsKeys(CloudEventAttributes.HEADER_ID, CloudEventAttributes.HEADER_TIME);
        assertThat(EventSchemas.validate(SERIES_TYPE, EventJson.mapper().readTree(record.value()))).isEmpty();
    }
}
