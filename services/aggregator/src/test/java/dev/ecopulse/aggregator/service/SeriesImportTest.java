package dev.ecopulse.aggregator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.aggregator.config.IngestConfig;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an import refuses before anything is stored, and the checks a series event shares with it. */
class SeriesImportTest {

    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final IngestConfig CONFIG = new IngestConfig() {
        @Override
        public Duration maxClockSkew() {
            return Duration.ofMinutes(5);
        }

        @Override
        public Duration idBucket() {
            return Duration.ofHours(1);
        }

        @Override
        public int maxBatch() {
            return 500;
        }
    };

    // nothing reaches the store or memory in these tests: every input is refused while it is checked
    private final SeriesIngest ingest = new SeriesIngest(null, null, CATALOG, null, null, CONFIG);
    private final SeriesImport imports = new SeriesImport(ingest,
            new ObservationIngest(null, null, CATALOG, null, null, null, CONFIG), CATALOG, CONFIG);

    static SeriesObservation series(String projectId, String subject, Flow... flows) {
        return new SeriesObservation(projectId, "pypi", subject, Instant.parse("2026-11-28T07:00:00Z"), "run-1",
                SeriesObservation.ORIGIN_BACKFILL, List.of(flows), List.of());
    }

    static Flow day(String from, long count) {
        LocalDate d = LocalDate.parse(from);
        return new Flow(SeriesObservation.Signals.DOWNLOADS, d, d.plusDays(1), count);
    }

    static String line(SeriesObservation s) {
        return "{\"type\":\"" + s.eventType() + "\",\"data\":" + new String(EventJson.write(s), StandardCharsets.UTF_8)
                + "}";
    }

    private String refusedNdjson(String body) {
        Throwable t = catchThrowable(() -> imports.importNdjson(
                new StringReader(body)));
        assertThat(t).isInstanceOf(InvalidImportException.class);
        return t.getMessage();
    }

    @Test
    void namesTheFirstBadNdjsonLineAndWhy() {
        String good = line(series("flax", "flax", day("2026-10-01", 5)));
        assertThat(refusedNdjson(good + "\n{\"type\": ")).startsWith("line 2: not JSON: ");
        assertThat(refusedNdjson("\n" + good.replace("pypi.series", "pypi.observation")))
                .startsWith("line 2: payload does not match the dev.ecopulse.pypi.observation.v1 schema: ");
        assertThat(refusedNdjson("{\"type\":\"dev.ecopulse.pypi.series.v1\",\"data\":[]}"))
                .isEqualTo("line 1: data must be the series payload (a JSON object)");
        assertThat(refusedNdjson(good.replace("\"downloads\"", "\"forks\"")))
                .startsWith("line 1: payload does not match the dev.ecopulse.pypi.series.v1 schema: ");
        assertThat(refusedNdjson(good.replace("\"source\":\"pypi\"", "\"source\":\"github\"")))
                .isEqualTo("line 1: payload source 'github' differs from ce_type 'dev.ecopulse.pypi.series.v1'");
        assertThat(refusedNdjson(" \n\n")).isEqualTo("no events: expected one JSON object per line");
    }

    @Test
    void refusesWhatTheCatalogDoesNotHaveAndFlowsThatCannotHaveBeenCounted() {
        assertThat(refusedNdjson(line(series("cntk", "cntk", day("2026-10-01", 5)))))
                .isEqualTo("line 1: project 'cntk' is not in the catalog");
        assertThat(refusedNdjson(line(series("flax", "optax", day("2026-10-01", 5)))))
                .isEqualTo("line 1: pypi subject 'optax' is not one of project 'flax' in the catalog");
        assertThat(refusedNdjson(line(series("flax", "flax", day("2026-11-29", 5)))))
                .isEqualTo("line 1: flow downloads 2026-11-29 to 2026-11-30 starts after the series was observed"
                        + " (2026-11-28T07:00:00Z): it cannot have been counted");
        assertThat(refusedNdjson(line(series("flax", "flax", day("2026-10-01", 5), day("2026-10-01", 6)))))
                .isEqualTo("line 1: flow downloads 2026-10-01 to 2026-10-02 appears twice");
    }

    @Test
    void acceptsAPackageNameAsPyPiComparesIt() {
        JsonNode payload = EventJson.mapper().valueToTree(series("dm-haiku", "DM_Haiku", day("2026-10-01", 5)));
        assertThat(ingest.check(ObservationSource.PYPI, payload).subject()).isEqualTo("DM_Haiku");
    }

    @Test
    void namesTheBadCsvLine() {
        assertThatThrownBy(() -> imports.importCsv(new StringReader(
                "snapshot_date,package,downloads_30d\n2023-01-07,flax,10\n2023-02-30,flax,12\n")))
                .isInstanceOf(InvalidImportException.class)
                .hasMessage("line 3: snapshot_date must be a date (YYYY-MM-DD) and downloads_30d a whole number:"
                        + " '2023-02-30,flax,12'");
    }
}
