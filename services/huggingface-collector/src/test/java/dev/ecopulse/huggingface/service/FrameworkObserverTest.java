package dev.ecopulse.huggingface.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.contract.event.HuggingfaceObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.huggingface.client.HubModel;
import dev.ecopulse.huggingface.support.HubFixture;
import dev.ecopulse.huggingface.support.HubStubs;
import dev.ecopulse.huggingface.support.HubStubs.Created;
import dev.ecopulse.huggingface.support.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One framework's tagged models, its creation windows and its series, against a WireMock Hub. */
class FrameworkObserverTest {

    static final Instant NOW = HubFixture.START;
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final TopModels TOP = TopModels.of(List.of(new HubModel("keras-io/ocr", null, 1000L, 10L,
            List.of("keras"), "keras")));
    static final Map<String, List<String>> CATALOG = Map.of("keras", List.of("keras", "tf-keras"),
            "pytorch", List.of("pytorch"));

    HubFixture hub;
    RecordingRun run = new RecordingRun(List.of());

    @BeforeEach
    void start() {
        hub = new HubFixture();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void countsTheUnionOfAFrameworksTagsOnce() throws Exception {
        hub.stubs.tagged("keras", List.of(created("keras-io/a", 2), created("shared/both", 10),
                created("keras-io/b", 40), created("keras-io/c", 400)));
        hub.stubs.tagged("tf-keras", List.of(created("shared/both", 10), created("google/d", 45),
                new Created("old/undated", ModelWindows.UNDATED)));

        FrameworkObserver.Outcome outcome = observe("keras", hub.config());

        HuggingfaceObservation o = outcome.observation();
        assertThat(o.status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(o.libraries()).containsExactly("keras", "tf-keras");
        assertThat(o.models()).isEqualTo(new HuggingfaceObservation.Models(6L, 2L, 2L));
        assertThat(o.topModels().available()).isEqualTo(1);
        assertThat(o.missing()).isEmpty();
        assertThat(run.cost).as("2 pages of keras, 1 of tf-keras").isEqualTo(3);
        SeriesObservation series = outcome.series();
        assertThat(series.origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
        assertThat(series.subject()).isEqualTo("keras,tf-keras");
        assertThat(series.projectId()).isEqualTo("keras");
        assertThat(series.flows()).hasSize(ModelWindows.RECENT).startsWith(
                new Flow(SeriesObservation.Signals.MODELS, LocalDate.of(2026, 11, 1), TODAY, 2),
                new Flow(SeriesObservation.Signals.MODELS, LocalDate.of(2026, 10, 2), LocalDate.of(2026, 11, 1), 2));
        assertThat(series.flows().stream().mapToLong(Flow::count).sum()).isEqualTo(4);
    }

    @Test
    void aBackfillSendsEveryWindowBackToTheFirstDatedDay() throws Exception {
        hub.stubs.tagged("keras", List.of(created("keras-io/a", 2), created("keras-io/c", 400)));
        hub.stubs.tagged("tf-keras", List.of(new Created("old/undated", ModelWindows.UNDATED)));
        run.backfillAll = true;

        SeriesObservation series = observe("keras", hub.config()).series();

        assertThat(series.origin()).isEqualTo(SeriesObservation.ORIGIN_BACKFILL);
        assertThat(series.flows()).hasSize(57).allSatisfy(f -> assertThat(f.days()).isEqualTo(30));
        assertThat(series.flows().get(56).from()).isAfterOrEqualTo(ModelWindows.FIRST_DATED_DAY);
        assertThat(series.flows().stream().mapToLong(Flow::count).sum()).as("the undated model is in no window")
                .isEqualTo(2);
        assertThat(series.missing()).isEmpty();
    }

    @Test
    void anUnknownTagCountsZeroModels() throws Exception {
        hub.stubs.tagged("no-such-library-xyz", List.of());

        FrameworkObserver.Outcome outcome = observe("ghost", "no-such-library-xyz", hub.config());

        assertThat(outcome.observation().status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(outcome.observation().models()).isEqualTo(new HuggingfaceObservation.Models(0L, 0L, 0L));
        assertThat(outcome.series().flows()).hasSize(6).allMatch(f -> f.count() == 0);
    }

    @Test
    void aboveThePageCapTheTotalIsMissingAndTheWindowsReachedAreCounted() throws Exception {
        hub.stubs.tagged("pytorch", List.of(created("a/1", 1), created("a/2", 2), created("a/3", 3),
                created("a/4", 20), created("a/5", 50), created("a/6", 70), created("a/7", 100)));

        FrameworkObserver.Outcome outcome = observe("pytorch", "pytorch", hub.config().withMaxPages(2));

        String reason = "more than 2 pages of models for pytorch (ecopulse.huggingface.max-pages-per-framework)";
        assertThat(outcome.observation().models()).isEqualTo(new HuggingfaceObservation.Models(null, 4L, 1L));
        assertThat(outcome.observation().missing()).containsExactly(new MissingSignal("models.tagged", reason));
        assertThat(outcome.series().flows()).extracting(Flow::count).containsExactly(4L, 1L);
        assertThat(outcome.series().missing()).containsExactly(new MissingSignal("models",
                "windows before 2026-10-02 not read: " + reason));
        assertThat(run.cost).isEqualTo(2);
    }

    @Test
    void aFailureMidwayKeepsWhatWasReadAndTheNextRunBackfillsAgain() throws Exception {
        hub.stubs.tagged("pytorch", List.of(created("a/1", 1), created("a/2", 2), created("a/3", 40),
                created("a/4", 70)));
        hub.wireMock.stubFor(HubStubs.taggedPage("pytorch", "pytorch-2").willReturn(aResponse().withStatus(500)));
        run.backfillAll = true;

        FrameworkObserver.Outcome outcome = observe("pytorch", "pytorch", hub.config());

        assertThat(outcome.observation().models()).isEqualTo(new HuggingfaceObservation.Models(null, 2L, null));
        assertThat(outcome.observation().missing()).extracting(MissingSignal::signal)
                .containsExactly("models.tagged", "models.createdPrevious30Days");
        assertThat(outcome.series().origin()).isEqualTo(SeriesObservation.ORIGIN_COLLECTION);
        assertThat(outcome.problems()).containsExactly("pytorch: Hugging Face answered HTTP 500");
    }

    @Test
    void nothingReadAtAllIsNoObservation() throws Exception {
        hub.wireMock.stubFor(HubStubs.taggedPage("pytorch", null).willReturn(HubStubs.tooManyRequests(400)));
        FrameworkObserver observer = new FrameworkObserver(hub.client(hub.config()), hub.config(), hub.time);

        FrameworkObserver.Outcome outcome = observer.observe(new CollectionTarget("pytorch", "pytorch"),
                List.of("pytorch"), TopModels.unavailable("Hugging Face answered HTTP 503"), CATALOG, run);

        assertThat(outcome.observation()).isNull();
        assertThat(outcome.failure()).startsWith("the Hub answered nothing usable: Hugging Face answered 429 asking"
                + " to wait 401 s");
        assertThat(hub.time.sleeps()).doesNotContain(Duration.ofSeconds(401));
    }

    private FrameworkObserver.Outcome observe(String framework, TestConfig config) throws Exception {
        return observe(framework, String.join(",", CATALOG.get(framework)), config);
    }

    private FrameworkObserver.Outcome observe(String framework, String subject, TestConfig config) throws Exception {
        FrameworkObserver observer = new FrameworkObserver(hub.client(config), config, hub.time);
        return observer.observe(new CollectionTarget(framework, subject), List.of(subject.split(",")), TOP, CATALOG,
                run);
    }

    private static Created created(String id, int daysAgo) {
        return new Created(id, NOW.minus(Duration.ofDays(daysAgo)).minusSeconds(3600));
    }
}
