package dev.ecopulse.research.service;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.ResearchObservation;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.research.client.Allowance;
import dev.ecopulse.research.client.OpenAlexClient;
import dev.ecopulse.research.support.UpstreamStubs;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs over the test catalog (three frameworks with a search, one without) against a WireMock OpenAlex, without a key:
 * what is counted, what the budget, a daily limit or a rejected search leave out, and how each is named.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.research.url"))
class ResearchRunIT {

    static final String TORCH = "\"PyTorch\"";
    static final String JAX = "\"JAX\" AND (XLA OR Flax OR \"automatic differentiation\" OR autodiff OR TPU)";
    static final String MXNET = "\"MXNet\"";
    /** TestTime's day (2026-11-28) minus the 30-day indexing lag. */
    static final LocalDate THROUGH = LocalDate.parse("2026-10-29");
    static final LocalDate YEAR_START = LocalDate.parse("2025-10-30");

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    ResearchCollector collector;

    @Inject
    OpenAlexClient openAlex;

    @Inject
    DailyBudget budget;

    @Inject
    VirtualTime time;

    @Inject
    Catalog catalog;

    UpstreamStubs stubs;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        TestTime.reset(time);
        openAlex.forgetCounts();
        budget.reset();
        stubs = new UpstreamStubs(wireMock);
        for (String search : List.of(TORCH, JAX, MXNET)) {
            stubs.search(search, UpstreamStubs.works(40))
                    .count(search, YEAR_START, THROUGH, UpstreamStubs.works(search.length() * 100L))
                    .count(search, YEAR_START.minusDays(365), YEAR_START.minusDays(1), UpstreamStubs.works(500));
        }
    }

    @Test
    void countsEachFrameworksYearsAndItsTwoRecentWindows() throws Exception {
        RecordingRun run = run();

        collector.collect(run);

        Map<String, ResearchObservation> byFramework = observations(run);
        assertThat(byFramework).containsOnlyKeys("pytorch", "jax", "mxnet");
        ResearchObservation jax = byFramework.get("jax");
        assertThat(jax.search()).isEqualTo(JAX);
        assertThat(jax.status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(jax.works()).isEqualTo(new ResearchObservation.Works(JAX.length() * 100L, 500L, THROUGH));
        assertThat(jax.missing()).isEmpty();
        assertThat(run.series).hasSize(3).allSatisfy(s -> {
            assertThat(s.source()).isEqualTo("research");
            assertThat(s.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
            assertThat(s.flows()).extracting(f -> f.signal() + " " + f.from() + " " + f.to() + " " + f.count())
                    .containsExactly("works 2026-08-31 2026-09-30 40", "works 2026-09-30 2026-10-30 40");
            assertThat(s.missing()).isEmpty();
        });
        assertThat(run.series).extracting(SeriesObservation::projectId).containsExactly("pytorch", "jax", "mxnet");
        wireMock.verify(12, getRequestedFor(urlPathEqualTo(UpstreamStubs.WORKS)));
        assertThat(run.cost).isEqualTo(12);
        assertThat(run.errors).containsExactly("no API key: about 1,000 searches a day (budget $1.00 a day; OpenAlex"
                + " documents $0.01 a day without a key)");
    }

    @Test
    void aFrameworkWithoutASearchIsNotATarget() {
        assertThat(collector.targets(catalog)).extracting(t -> t.projectId() + " " + t.subject())
                .containsExactly("pytorch " + TORCH, "jax " + JAX, "mxnet " + MXNET);
    }

    @Test
    void aBackfillCountsThirteenWindows() throws Exception {
        RecordingRun run = run();
        run.backfillAll = true;

        collector.collect(run);

        assertThat(run.series).hasSize(3).allSatisfy(s -> {
            assertThat(s.origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
            assertThat(s.flows()).hasSize(13);
            assertThat(s.flows().get(0).from()).isEqualTo(THROUGH.minusDays(13 * 30 - 1));
            assertThat(s.flows().get(12).to()).isEqualTo(THROUGH.plusDays(1));
        });
        assertThat(run.cost).isEqualTo(3 * (2 + 13));
    }

    @Test
    void aBackfillTheBudgetCutsGoesOutAsACollectionNamingTheWindowsLeftOut() throws Exception {
        budget.spend(1000 - 17, Allowance.UNKNOWN); // the years and recent windows (12), then 5 older windows
        RecordingRun run = run();
        run.backfillAll = true;

        collector.collect(run);

        assertThat(run.series).hasSize(3).allSatisfy(s -> assertThat(s.origin())
                .isEqualTo(SeriesObservation.ORIGIN_COLLECTION));
        SeriesObservation torch = run.series.get(0);
        assertThat(torch.flows()).hasSize(4); // windows 0 to 3
        assertThat(torch.missing()).singleElement().satisfies(m -> {
            assertThat(m.signal()).isEqualTo("works");
            assertThat(m.reason()).startsWith("30-day windows 2026-06-02..2026-07-01, 2026-05-03..2026-06-01,")
                    .endsWith(": not asked: the daily OpenAlex budget ($1.00 a day, about 1,000 searches, no API"
                            + " key) is spent until midnight UTC");
        });
        assertThat(run.series.get(2).flows()).hasSize(3);
        assertThat(run.cost).isEqualTo(17);
    }

    @Test
    void theBudgetCutsTheLeastValuableCountsAndNamesThem() throws Exception {
        budget.spend(995, Allowance.UNKNOWN); // 5 searches left today
        RecordingRun run = run();

        collector.collect(run);

        Map<String, ResearchObservation> byFramework = observations(run);
        assertThat(byFramework.values()).allSatisfy(o -> assertThat(o.works().lastYear()).isNotNull());
        String cut = "not asked: the daily OpenAlex budget ($1.00 a day, about 1,000 searches, no API key) is spent"
                + " until midnight UTC";
        assertThat(byFramework.get("jax").works().previousYear()).isEqualTo(500);
        assertThat(byFramework.get("mxnet").works().previousYear()).isNull();
        assertThat(byFramework.get("mxnet").missing()).containsExactly(new MissingSignal("works.previousYear", cut));
        assertThat(run.series).as("no window was counted").isEmpty();
        wireMock.verify(5, getRequestedFor(urlPathEqualTo(UpstreamStubs.WORKS)));
        assertThat(run.errors).contains("the daily OpenAlex budget ($1.00 a day, about 1,000 searches) left 7 of 12"
                + " counts unasked: missing pytorch works (2 windows); jax works (2 windows); mxnet"
                + " works.previousYear, works (2 windows)");
    }

    @Test
    void aDailyLimitEndsTheRunsRequestsAndNamesWhatIsMissing() throws Exception {
        stubs.search(JAX, UpstreamStubs.dailyLimit()).count(JAX, YEAR_START, THROUGH, UpstreamStubs.dailyLimit());
        RecordingRun run = run();

        collector.collect(run);

        wireMock.verify(2, getRequestedFor(urlPathEqualTo(UpstreamStubs.WORKS))); // PyTorch's year, then JAX's 429
        Map<String, ResearchObservation> byFramework = observations(run);
        assertThat(byFramework.get("pytorch").works().lastYear()).isEqualTo(TORCH.length() * 100L);
        String limit = "OpenAlex answered 429: the daily limit is exceeded (Rate limit exceeded: Daily budget of"
                + " $1.00 exceeded. Resets at midnight UTC.)";
        assertThat(byFramework.get("jax").missing()).containsExactly(new MissingSignal("works.lastYear", limit),
                new MissingSignal("works.previousYear", "not asked: " + limit + " earlier in this run"));
        assertThat(byFramework.get("mxnet").works()).isEqualTo(new ResearchObservation.Works(null, null, THROUGH));
        assertThat(run.series).isEmpty();
        assertThat(run.errors).contains(limit + "; no further request was sent this run: missing pytorch"
                + " works.previousYear, works (2 windows); jax works.lastYear, works.previousYear, works (2 windows);"
                + " mxnet works.lastYear, works.previousYear, works (2 windows)");

        RecordingRun later = run();
        collector.collect(later);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(UpstreamStubs.WORKS))); // nothing more asked today
        assertThat(observations(later).get("pytorch").works().lastYear()).as("reused, free")
                .isEqualTo(TORCH.length() * 100L);
    }

    @Test
    void a403ThatOutlastsTheBackoffEndsTheRunsRequests() throws Exception {
        stubs.count(TORCH, YEAR_START, THROUGH, UpstreamStubs.slowDown());
        RecordingRun run = run();

        collector.collect(run);

        wireMock.verify(4, getRequestedFor(urlPathEqualTo(UpstreamStubs.WORKS))); // 1 + 3 retries, nothing after
        assertThat(time.waitsWhile("OpenAlex answered 403")).hasSize(3);
        String slowDown = "OpenAlex answered 403 (rate limit exceeded) 4 times in a row (Rate limit exceeded: Too"
                + " many requests per second)";
        Map<String, ResearchObservation> byFramework = observations(run);
        assertThat(byFramework.get("pytorch").missing()).first()
                .isEqualTo(new MissingSignal("works.lastYear", slowDown));
        assertThat(byFramework.get("mxnet").missing()).contains(new MissingSignal("works.lastYear",
                "not asked: " + slowDown + " earlier in this run"));
        assertThat(run.errors).anySatisfy(e -> assertThat(e).startsWith(slowDown
                + "; no further request was sent this run: missing pytorch works.lastYear, works.previousYear"));
    }

    @Test
    void aRejectedSearchIsNamedAndNotAskedAgainThisRun() throws Exception {
        stubs.search(JAX, UpstreamStubs.badFilter()).count(JAX, YEAR_START, THROUGH, UpstreamStubs.badFilter());
        RecordingRun run = run();

        collector.collect(run);

        wireMock.verify(1, UpstreamStubs.asked(JAX));
        wireMock.verify(9, getRequestedFor(urlPathEqualTo(UpstreamStubs.WORKS)));
        ResearchObservation jax = observations(run).get("jax");
        assertThat(jax.missing()).extracting(MissingSignal::signal).containsExactly("works.lastYear",
                "works.previousYear");
        assertThat(jax.missing().get(0).reason()).startsWith("OpenAlex rejected the search with 400 (Invalid query"
                + " parameters error.: to_publication_date is not a valid field.");
        assertThat(jax.missing().get(1).reason()).startsWith("not asked: OpenAlex rejected the search with 400");
        assertThat(run.series).extracting(SeriesObservation::projectId).containsExactly("pytorch", "mxnet");
        assertThat(run.errors).anySatisfy(e -> assertThat(e).startsWith("jax: OpenAlex rejected the search with 400")
                .endsWith("; its search is not asked again this run (ecopulse catalog: research)"));
    }

    @Test
    void aMalformedAnswerLeavesTheCountMissingNotZero() throws Exception {
        stubs.count(TORCH, YEAR_START, THROUGH, okJson("{\"meta\": {\"count\": null}, \"results\": []}"));
        RecordingRun run = run();

        collector.collect(run);

        ResearchObservation torch = observations(run).get("pytorch");
        assertThat(torch.works().lastYear()).isNull();
        assertThat(torch.works().previousYear()).isEqualTo(500);
        assertThat(torch.missing()).containsExactly(new MissingSignal("works.lastYear",
                "OpenAlex answered 200 without a readable meta.count"));
        assertThat(run.errors).contains("pytorch last year: OpenAlex answered 200 without a readable meta.count");
    }

    private RecordingRun run() {
        RecordingRun run = new RecordingRun(collector.targets(catalog));
        time.activityFrom(() -> run.status);
        return run;
    }

    private static Map<String, ResearchObservation> observations(RecordingRun run) {
        assertThat(run.published).hasSize(3);
        return run.published.stream().map(ResearchObservation.class::cast)
                .collect(Collectors.toMap(ResearchObservation::frameworkId, Function.identity()));
    }
}
