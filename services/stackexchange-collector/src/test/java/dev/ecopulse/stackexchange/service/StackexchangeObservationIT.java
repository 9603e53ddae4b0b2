package dev.ecopulse.stackexchange.service;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.contract.event.StackexchangeObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.stackexchange.support.UpstreamStubs;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs of the collector against a stubbed Stack Exchange API, answers compressed as the API sends them. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.stackexchange.url"))
class StackexchangeObservationIT {

    static final String ALL_TAGS = "pytorch;tensorflow;tensorflow2.0;jax;keras;paddlepaddle;mxnet;ghost-framework-xyz";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    /** Questions per window by tag (the stubs answer the same for every window) and without answers. */
    static final Map<String, Long> ASKED = ordered("pytorch", 1200L, "tensorflow", 900L, "tensorflow2.0", 100L,
            "jax", 150L, "keras", 400L, "paddlepaddle", 3L, "mxnet", 0L);
    static final Map<String, Long> UNANSWERED = ordered("pytorch", 300L, "tensorflow", 200L, "tensorflow2.0", 50L,
            "jax", 15L, "keras", 100L, "paddlepaddle", 3L, "mxnet", 0L);
    static final Map<String, Long> TOTALS = ordered("pytorch", 93120L, "tensorflow", 81234L, "tensorflow2.0", 1650L,
            "jax", 1830L, "keras", 42400L, "paddlepaddle", 140L, "mxnet", 890L);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    StackexchangeCollector collector;

    @Inject
    VirtualTime time;

    UpstreamStubs stubs;

    @BeforeEach
    void stubTheSite() {
        wireMock.resetAll();
        TestTime.reset(time);
        stubs = new UpstreamStubs(wireMock).tagInfo(ALL_TAGS, TOTALS, 299);
        ASKED.forEach((tag, n) -> stubs.questions(tag, n, 290).noAnswers(tag, UNANSWERED.get(tag), 290));
    }

    @Test
    void observesEveryFrameworkWithItsCountsSummedOverItsTags() throws Exception {
        RecordingRun run = runOverTheCatalog(false);

        Map<String, StackexchangeObservation> byFramework = observations(run);
        assertThat(byFramework).containsOnlyKeys("pytorch", "tensorflow", "jax", "keras", "paddlepaddle", "mxnet",
                "ghost");
        StackexchangeObservation pytorch = byFramework.get("pytorch");
        assertThat(pytorch.status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(pytorch.site()).isEqualTo("stackoverflow");
        assertThat(pytorch.questions()).isEqualTo(new StackexchangeObservation.Questions(93120L, 1200L, 1200L, 1200L,
                0.75));
        assertThat(pytorch.missing()).isEmpty();
        // two tags: summed, a question carrying both counted twice
        assertThat(byFramework.get("tensorflow").questions()).isEqualTo(new StackexchangeObservation.Questions(
                82884L, 1000L, 1000L, 1000L, 0.75));
        assertThat(byFramework.get("tensorflow").tags()).containsExactly("tensorflow", "tensorflow2.0");
        StackexchangeObservation mxnet = byFramework.get("mxnet");
        assertThat(mxnet.questions().last30Days()).isZero();
        assertThat(mxnet.questions().answeredShare()).isNull();
        assertThat(mxnet.missing()).containsExactly(new MissingSignal("questions.answeredShare",
                "no question was asked in the previous 30-day window"));
        // 1 tag info + 7 known tags × (2 recent windows, the last year, the unanswered)
        assertThat(run.cost).isEqualTo(29);
        assertThat(wireMock.getAllServeEvents()).hasSize(29);
        assertThat(run.errors).containsExactly("the tag 'ghost-framework-xyz' of ghost is unknown on stackoverflow");
    }

    @Test
    void asksForEachWindowByItsUnixSecondsWithTheCustomFilterAndNoKey() throws Exception {
        runOverTheCatalog(false);

        long windowStart = TODAY.minusDays(30).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long windowEnd = TODAY.atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1;
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/2.3/questions")).withQueryParam("tagged",
                equalTo("pytorch")).withQueryParam("fromdate", equalTo(Long.toString(windowStart)))
                .withQueryParam("todate", equalTo(Long.toString(windowEnd)))
                .withQueryParam("filter", equalTo(UpstreamStubs.FILTER)));
        long yearStart = TODAY.minusDays(365).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/2.3/questions")).withQueryParam("tagged",
                equalTo("keras")).withQueryParam("fromdate", equalTo(Long.toString(yearStart))));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/2.3/questions/no-answers")).withQueryParam("tagged",
                equalTo("jax")).withQueryParam("fromdate", equalTo(Long.toString(TODAY.minusDays(60)
                        .atStartOfDay(ZoneOffset.UTC).toEpochSecond()))));
        wireMock.verify(29, anyRequestedFor(anyUrl()).withQueryParam("key", absent()));
        wireMock.verify(0, anyRequestedFor(anyUrl()).withQueryParam("tagged", equalTo("ghost-framework-xyz")));
    }

    @Test
    void anUnknownTagMakesItsFrameworkNotFoundWithoutAskingMore() throws Exception {
        RecordingRun run = runOverTheCatalog(false);

        StackexchangeObservation ghost = observations(run).get("ghost");
        assertThat(ghost.status()).isEqualTo(SubjectStatus.NOT_FOUND);
        assertThat(ghost.questions()).isNull();
        assertThat(ghost.missing()).containsExactly(new MissingSignal("questions",
                "stackoverflow knows none of the tags ghost-framework-xyz"));
        assertThat(run.series).extracting(SeriesObservation::projectId).doesNotContain("ghost").hasSize(6);
    }

    @Test
    void sendsTheTwoRecentWindowsAsSeriesEveryRun() throws Exception {
        RecordingRun run = runOverTheCatalog(false);

        SeriesObservation tensorflow = series(run).get("tensorflow");
        assertThat(tensorflow.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
        assertThat(tensorflow.source()).isEqualTo("stackexchange");
        assertThat(tensorflow.subject()).isEqualTo("tensorflow;tensorflow2.0");
        assertThat(tensorflow.flows()).containsExactly(
                new Flow("questions", TODAY.minusDays(30), TODAY, 1000),
                new Flow("questions", TODAY.minusDays(60), TODAY.minusDays(30), 1000));
    }

    @Test
    void aBackfillReadsThirteenWindowsForEachTag() throws Exception {
        RecordingRun run = runOverTheCatalog(true);

        SeriesObservation pytorch = series(run).get("pytorch");
        assertThat(pytorch.origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
        assertThat(pytorch.flows()).hasSize(13).allMatch(f -> f.days() == 30 && f.count() == 1200);
        assertThat(pytorch.flows().get(12).from()).isEqualTo(TODAY.minusDays(390));
        // 1 + 7 tags × (13 windows, the last year, the unanswered)
        assertThat(run.cost).isEqualTo(106);
    }

    @Test
    void theDefaultCatalogCostsTwentyFiveRequestsAndNinetyOneWithItsBackfill() throws Exception {
        List<CollectionTarget> targets = collector.targets(CatalogLoader.loadDefault());
        assertThat(targets).hasSize(6);
        stubs.tagInfo("pytorch;tensorflow;jax;keras;paddlepaddle;mxnet", TOTALS, 299);

        RecordingRun run = new RecordingRun(targets);
        collector.collect(run);
        RecordingRun backfill = new RecordingRun(targets);
        backfill.backfillAll = true;
        collector.collect(backfill);

        assertThat(run.cost).isEqualTo(25);
        assertThat(backfill.cost).isEqualTo(91);
        assertThat(wireMock.getAllServeEvents()).hasSize(116);
        assertThat(run.published).hasSize(6);
        assertThat(run.errors).isEmpty();
    }

    @Test
    void waitsTheBackoffBeforeAskingTheSameMethodAgain() throws Exception {
        stubs.questions("pytorch", UpstreamStubs.ok(UpstreamStubs.totalBody(1200, 290, 7)));
        RecordingRun run = new RecordingRun(collector.targets(CatalogLoader.load(Path.of(
                "src/test/resources/catalog-it.yaml"))));
        time.activityFrom(() -> run.status);

        collector.collect(run);

        // pytorch is asked three times on /questions; each time the next /questions request waits
        assertThat(time.waitsWhile("back off /questions")).containsExactly(Duration.ofSeconds(7),
                Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(time.waitsWhile("back off /questions/no-answers")).isEmpty();
        assertThat(observations(run).get("pytorch").questions().last30Days()).isEqualTo(1200);
        assertThat(run.cost).isEqualTo(29);
    }

    @Test
    void aBackoffLongerThanAllowedLeavesThatMethodUnaskedForTheRun() throws Exception {
        stubs.questions("pytorch", UpstreamStubs.ok(UpstreamStubs.totalBody(1200, 290, 600)));

        RecordingRun run = runOverTheCatalog(false);

        StackexchangeObservation keras = observations(run).get("keras");
        assertThat(keras.questions().last30Days()).isNull();
        assertThat(keras.questions().total()).isEqualTo(42400);
        assertThat(keras.missing()).extracting(MissingSignal::signal).contains("questions.last30Days",
                "questions.last365Days", "questions.answeredShare");
        assertThat(keras.missing().get(0).reason()).startsWith(
                "not asked: Stack Exchange asked to back off /questions for ").endsWith("longer than the 300 s allowed");
        // /questions once for pytorch, then only /questions/no-answers (7 tags)
        assertThat(run.cost).isEqualTo(1 + 1 + 7);
        assertThat(time.sleeps()).allMatch(d -> d.compareTo(Duration.ofSeconds(1)) <= 0);
    }

    @Test
    void aSpentQuotaLeavesEverythingButTheTotalsUnasked() throws Exception {
        stubs.tagInfo(ALL_TAGS, TOTALS, 0);

        RecordingRun run = runOverTheCatalog(false);

        assertThat(wireMock.getAllServeEvents()).hasSize(1);
        StackexchangeObservation jax = observations(run).get("jax");
        assertThat(jax.questions().total()).isEqualTo(1830);
        assertThat(jax.missing()).hasSize(4).allSatisfy(m -> assertThat(m.reason()).isEqualTo(
                "not asked: the Stack Exchange daily quota is spent (quota_remaining 0 of 300, 10 kept in reserve)"));
        assertThat(series(run).get("jax").flows()).isEmpty();
        assertThat(run.errors).contains("the Stack Exchange quota does not fit the run: 28 requests planned, 0 left"
                + " (quota_remaining 0 of 300); the recent windows go first, then the last year, the answered share"
                + " and the backfill");
    }

    @Test
    void aQuotaRunningOutMidRunKeepsTheCountsAlreadyMade() throws Exception {
        stubs.tagInfo(ALL_TAGS, TOTALS, 20);
        stubs.questions("pytorch", 1200, 11).questions("tensorflow", 900, 10);

        RecordingRun run = runOverTheCatalog(false);

        assertThat(run.errors).anyMatch(e -> e.startsWith("the Stack Exchange quota does not fit the run: 28"
                + " requests planned, 10 left"));
        assertThat(run.cost).isEqualTo(3);
        Map<String, StackexchangeObservation> byFramework = observations(run);
        assertThat(byFramework.get("pytorch").questions().last30Days()).isEqualTo(1200);
        assertThat(byFramework.get("pytorch").questions().previous30Days()).isNull();
        assertThat(byFramework.get("tensorflow").missing()).contains(new MissingSignal("questions.last30Days",
                "not asked: the Stack Exchange daily quota is spent (quota_remaining 10 of 300, 10 kept in reserve)"));
    }

    @Test
    void aThrottleViolationStopsTheRunsRequests() throws Exception {
        stubs.questions("tensorflow", UpstreamStubs.throttleViolation());

        RecordingRun run = runOverTheCatalog(false);

        assertThat(run.cost).isEqualTo(3); // tag info, pytorch, tensorflow
        String reason = "Stack Exchange answered throttle_violation (502): too many requests from this IP, more"
                + " requests available in 82631 seconds to /questions";
        assertThat(run.errors).contains(reason, "stopped asking: " + reason + " earlier in this run");
        StackexchangeObservation tensorflow = observations(run).get("tensorflow");
        assertThat(tensorflow.questions().total()).isEqualTo(82884);
        assertThat(tensorflow.missing()).contains(new MissingSignal("questions.last30Days", reason
                + "; not asked: " + reason + " earlier in this run"));
        assertThat(observations(run).get("jax").missing().get(0).reason()).isEqualTo("not asked: " + reason
                + " earlier in this run");
    }

    @Test
    void aBadParameterLosesOnlyThatCount() throws Exception {
        stubs.questions("keras", UpstreamStubs.error(400, "bad_parameter", "tagged"));

        RecordingRun run = runOverTheCatalog(false);

        assertThat(run.cost).isEqualTo(29);
        assertThat(observations(run).get("keras").missing()).contains(new MissingSignal("questions.last30Days",
                "Stack Exchange answered bad_parameter (400): tagged to /questions"));
        assertThat(observations(run).get("mxnet").missing()).hasSize(1);
    }

    @Test
    void aMalformedAnswerLosesThatCountAndNothingElse() throws Exception {
        stubs.questions("jax", UpstreamStubs.ok("{\"quota_max\":300,\"quota_remaining\":280,\"tot"));
        stubs.noAnswers("jax", 15, 290);

        RecordingRun run = runOverTheCatalog(false);

        StackexchangeObservation jax = observations(run).get("jax");
        assertThat(jax.questions().total()).isEqualTo(1830);
        assertThat(jax.questions().last30Days()).isNull();
        assertThat(jax.missing()).contains(new MissingSignal("questions.last30Days",
                "Stack Exchange sent a malformed answer to /questions"));
        assertThat(run.errors).contains("Stack Exchange sent a malformed answer to /questions");
        assertThat(observations(run).get("keras").missing()).isEmpty();
    }

    @Test
    void anUnreadableTagInfoStillCountsTheWindows() throws Exception {
        stubs.tagInfo(ALL_TAGS, UpstreamStubs.ok("{\"items\":[{\"name\":\"pytorch\",\"count\":\"many\"}]}"));

        RecordingRun run = runOverTheCatalog(false);

        StackexchangeObservation pytorch = observations(run).get("pytorch");
        assertThat(pytorch.questions().total()).isNull();
        assertThat(pytorch.questions().last30Days()).isEqualTo(1200);
        assertThat(pytorch.missing()).containsExactly(new MissingSignal("questions.total",
                "Stack Exchange sent a malformed answer to /tags/{tags}/info"));
        // the tags' existence is unknown, so even the ghost tag is asked about
        assertThat(run.cost).isEqualTo(1 + 8 * 4);
    }

    private RecordingRun runOverTheCatalog(boolean backfill) throws Exception {
        RecordingRun run = new RecordingRun(collector.targets(CatalogLoader.load(Path.of(
                "src/test/resources/catalog-it.yaml"))));
        run.backfillAll = backfill;
        collector.collect(run);
        return run;
    }

    static Map<String, StackexchangeObservation> observations(RecordingRun run) {
        assertThat(run.published).allMatch(o -> o instanceof StackexchangeObservation);
        return run.published.stream().map(StackexchangeObservation.class::cast)
                .collect(Collectors.toMap(Observation::projectId, Function.identity()));
    }

    static Map<String, SeriesObservation> series(RecordingRun run) {
        return run.series.stream().collect(Collectors.toMap(SeriesObservation::projectId, Function.identity()));
    }

    private static Map<String, Long> ordered(Object... pairs) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Long) pairs[i + 1]);
        }
        return map;
    }
}
