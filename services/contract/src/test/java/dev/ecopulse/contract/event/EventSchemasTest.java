package dev.ecopulse.contract.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the records serialise to must be valid against the published schemas in docs/events. */
class EventSchemasTest {

    static final Instant T = Instant.parse("2026-11-28T10:15:00Z");

    static GithubObservation github() {
        return new GithubObservation("torch", "pytorch/pytorch", T, "run-1", SubjectStatus.FOUND, null, "graphql",
                90000L, 24000L, 1800L, 5000L, 1200L, 900L, null, 4100L, 3900L, 120L, "v2.9.1",
                Instant.parse("2026-11-12T17:00:00Z"), 9L, Instant.parse("2016-08-13T05:26:41Z"), T, false,
                "BSD-3-Clause", "Python", List.of("deep-learning", "python"), Map.of("releasesTotal", T),
                List.of(new MissingSignal("contributors", "the contributor list is too large for the API")));
    }

    static PypiObservation pypi() {
        return new PypiObservation("torch", "torch", T, "run-1", SubjectStatus.FOUND,
                new PypiObservation.Registry("2.9.1", Instant.parse("2017-01-18T00:00:00Z"), T, 60L, 8L, 42.5, 16L,
                        1L, 5, "Production/Stable", ">=3.10", 12L, "BSD-3-Clause"),
                new PypiObservation.Downloads(1_000_000L, 7_000_000L, 30_000_000L, null, null, null, null),
                new DependentCounts(25012L, 120345L),
                List.of(new MissingSignal("pypistats.last30Days", "pypistats answered 429 three times")));
    }

    static MavenObservation maven() {
        return new MavenObservation("torch", "org.pytorch:pytorch_android", T, "run-1", SubjectStatus.FOUND,
                new MavenObservation.Metadata(14L, "2.2.0-rc1", T, "2.1.0"),
                new MavenObservation.Releases(Instant.parse("2019-10-10T00:00:00Z"), T, 0L, 120.0, 700L, 0.1),
                null, List.of(new MissingSignal("depsdev", "not available for this artifact")));
    }

    static NpmObservation npm() {
        return new NpmObservation("tfjs", "@tensorflow/tfjs", T, "run-1", SubjectStatus.FOUND,
                new NpmObservation.Registry("4.22.0", Instant.parse("2018-03-30T00:00:00Z"), T, 95L, 2L, 21.0, 300L,
                        false, "Apache-2.0"),
                new NpmObservation.Downloads(60_000L, 400_000L, 1_700_000L, null),
                List.of(new MissingSignal("downloads.lastYear", "api.npmjs.org answered 429")));
    }

    static HuggingfaceObservation huggingface() {
        return new HuggingfaceObservation("tensorflow", List.of("tf"), T, "run-1", SubjectStatus.FOUND,
                new HuggingfaceObservation.Models(14_500L, 120L, 140L),
                new HuggingfaceObservation.TopModels(1000, 95L, 12L, 83L, 310L, 2_000_000_000L, 9_000_000L, 40_000L),
                List.of());
    }

    static StackexchangeObservation stackexchange() {
        return new StackexchangeObservation("pytorch", "stackoverflow", List.of("pytorch"), T, "run-1",
                SubjectStatus.FOUND, new StackexchangeObservation.Questions(25_000L, 310L, 340L, null, 0.61),
                List.of(new MissingSignal("questions.last365Days", "quota kept for the windows")));
    }

    static ResearchObservation research() {
        return new ResearchObservation("jax", "\"JAX\" AND (XLA OR Flax)", T, "run-1", SubjectStatus.FOUND,
                new ResearchObservation.Works(2_100L, 1_700L, LocalDate.parse("2026-09-28")), List.of());
    }

    static List<Observation> all() {
        return List.of(github(), pypi(), maven(), npm(), huggingface(), stackexchange(), research());
    }

    @Test
    void frameworkLevelObservationsAreKeyedByFrameworkIdInTheirOwnField() {
        JsonNode json = tree(huggingface());

        assertThat(json.get("frameworkId").asText()).isEqualTo("tensorflow");
        assertThat(json.has("projectId")).isFalse();
        assertThat(huggingface().projectId()).isEqualTo("tensorflow");
        assertThat(ObservationSource.HUGGINGFACE.frameworkLevel()).isTrue();
        assertThat(ObservationSource.NPM.frameworkLevel()).isFalse();
    }

    @Test
    void aScopedNpmNameIsValidAndAnUpperCaseOneIsNot() {
        ObjectNode json = (ObjectNode) tree(npm());
        assertThat(EventSchemas.validate(ObservationSource.NPM.eventType(), json)).isEmpty();

        json.put("packageName", "@TensorFlow/TFJS");
        assertThat(EventSchemas.validate(ObservationSource.NPM.eventType(), json)).singleElement().asString()
                .contains("packageName");
    }

    @Test
    void everyObservationRecordSerialisesToItsSchema() {
        for (Observation o : all()) {
            assertThat(EventSchemas.validate(o.source().eventType(), tree(o))).as(o.source().id()).isEmpty();
        }
    }

    @Test
    void scoreChangedSerialisesToItsSchema() {
        ScoreChanged changed = new ScoreChanged(ScoreChanged.SubjectKind.FRAMEWORK, "pytorch", 71.2, 73.9, "Stable",
                0.92, Map.of("activity", 2.7), "observation torch/github", T);

        assertThat(EventSchemas.validate(CloudEventAttributes.SCORE_CHANGED_TYPE, tree(changed))).isEmpty();
    }

    @Test
    void aFrameworkChangeCarriesItsSharesAndTheSchemaRefusesAShareOverAHundred() {
        ScoreChanged changed = new ScoreChanged(ScoreChanged.SubjectKind.FRAMEWORK, "pytorch", 71.2, 73.9, "Stable",
                0.92, Map.of("activity", 2.7), Map.of("downloads30d", 61.5), "observation torch/github", T);
        ScoreChanged impossible = new ScoreChanged(ScoreChanged.SubjectKind.FRAMEWORK, "pytorch", 71.2, 73.9,
                "Stable", 0.92, Map.of("activity", 2.7), Map.of("downloads30d", 161.5), "observation torch/github", T);

        assertThat(tree(changed).get("shares").get("downloads30d").asDouble()).isEqualTo(61.5);
        assertThat(EventSchemas.validate(CloudEventAttributes.SCORE_CHANGED_TYPE, tree(changed))).isEmpty();
        assertThat(EventSchemas.validate(CloudEventAttributes.SCORE_CHANGED_TYPE, tree(impossible))).isNotEmpty();
    }

    @Test
    void missingSignalsAreAbsentNotNullOrZero() {
        JsonNode json = tree(github());

        assertThat(json.has("contributors")).isFalse();
        assertThat(json.get("missing").get(0).get("signal").asText()).isEqualTo("contributors");
        assertThat(json.get("observedAt").asText()).isEqualTo("2026-11-28T10:15:00Z");
    }

    @Test
    void mavenHighestReleaseVersionIsOptionalAndMustBeText() {
        JsonNode withRelease = tree(maven());
        assertThat(withRelease.get("repository").get("highestReleaseVersion").asText()).isEqualTo("2.1.0");

        MavenObservation.Metadata older = new MavenObservation.Metadata(14L, "2.1.0", T);
        JsonNode without = tree(older);
        assertThat(without.has("highestReleaseVersion")).isFalse();

        ObjectNode wrong = (ObjectNode) withRelease;
        ((ObjectNode) wrong.get("repository")).put("highestReleaseVersion", 2);
        assertThat(EventSchemas.validate(ObservationSource.MAVEN.eventType(), wrong)).singleElement()
                .asString().contains("highestReleaseVersion");
    }

    @Test
    void schemaRejectsWrongTypesNegativeCountsAndUnknownFields() {
        ObjectNode json = (ObjectNode) tree(github());
        json.put("stars", -1);
        json.put("starz", 5);
        json.remove("runId");

        List<String> errors = EventSchemas.validate(ObservationSource.GITHUB.eventType(), json);

        assertThat(errors).hasSize(3);
        assertThat(String.join("\n", errors)).contains("stars", "starz", "runId");
    }

    @Test
    void payloadsReadBackToEqualRecords() throws Exception {
        for (Observation o : all()) {
            byte[] bytes = EventJson.write(o);
            assertThat(EventJson.mapper().readValue(bytes, EventJson.payloadType(o.source()))).isEqualTo(o);
        }
    }

    static SeriesObservation series() {
        return new SeriesObservation("torch", "pypi", "torch", T, "run-1", SeriesObservation.ORIGIN_BACKFILL,
                List.of(new SeriesObservation.Flow(SeriesObservation.Signals.DOWNLOADS, LocalDate.parse("2026-11-26"),
                        LocalDate.parse("2026-11-27"), 1_310_000L),
                        new SeriesObservation.Flow(SeriesObservation.Signals.RELEASES, LocalDate.parse("2026-10-28"),
                                LocalDate.parse("2026-11-27"), 2L)),
                List.of(new MissingSignal("commits", "not a GitHub subject")));
    }

    @Test
    void aSeriesSerialisesToItsSchemaWithDatesAsDaysAndReadsBackEqual() throws Exception {
        JsonNode json = tree(series());

        assertThat(EventSchemas.validate(series().eventType(), json)).isEmpty();
        assertThat(series().eventType()).isEqualTo("dev.ecopulse.pypi.series.v1");
        assertThat(json.get("flows").get(0).get("from").asText()).isEqualTo("2026-11-26");
        assertThat(EventJson.mapper().readValue(EventJson.write(series()), SeriesObservation.class))
                .isEqualTo(series());
    }

    @Test
    void theSeriesSchemaRefusesUnknownSignalsAndNegativeCounts() {
        ObjectNode json = (ObjectNode) tree(series());
        ((ObjectNode) json.get("flows").get(0)).put("signal", "views");
        ((ObjectNode) json.get("flows").get(1)).put("count", -3);

        assertThat(EventSchemas.validate(series().eventType(), json)).hasSize(2);
    }

    @Test
    void aFlowMustEndAfterItStartsAndCountFromZero() {
        LocalDate day = LocalDate.parse("2026-11-26");
        assertThatThrownBy(() -> new SeriesObservation.Flow("downloads", day, day, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeriesObservation.Flow("downloads", day, day.plusDays(1), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SeriesObservation.Flow("commits", day.minusDays(30), day, 7).days()).isEqualTo(30);
    }

    @Test
    void theSameFlowsGetTheSameIdAndOtherFlowsAnother() {
        SeriesObservation again = new SeriesObservation("torch", "pypi", "torch", T.plusSeconds(3600), "run-2",
                SeriesObservation.ORIGIN_BACKFILL, series().flows(), series().missing());
        SeriesObservation other = new SeriesObservation("torch", "pypi", "torch", T, "run-1",
                SeriesObservation.ORIGIN_BACKFILL, series().flows().subList(0, 1), List.of());

        assertThat(EventIds.seriesId(again)).isEqualTo(EventIds.seriesId(series()));
        assertThat(EventIds.seriesId(other)).isNotEqualTo(EventIds.seriesId(series()));
    }

    private static JsonNode tree(Object payload) {
        return EventJson.mapper().valueToTree(payload);
    }
}
