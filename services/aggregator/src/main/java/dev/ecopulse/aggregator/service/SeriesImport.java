package dev.ecopulse.aggregator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecopulse.aggregator.repository.TransientStoreFailure;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Imports real historical series for operators: a downloads CSV ({@link DownloadsCsv}) or NDJSON series events. All
 * of the input is read and checked first (one bad line refuses everything, naming the line); then each series is
 * stored and applied the way a series event from a topic is ({@link SeriesIngest}), with origin {@code import}. The
 * flows are upserts, so importing the same input again stores nothing new.
 */
@ApplicationScoped
public class SeriesImport {

    private static final Logger LOG = Logger.getLogger(SeriesImport.class);
    /** Flows per stored series: the contract's limit for one series event. */
    static final int MAX_FLOWS_PER_SERIES = 2000;

    private final SeriesIngest ingest;
    private final Catalog catalog;

    SeriesImport(SeriesIngest ingest, Catalog catalog) {
        this.ingest = ingest;
        this.catalog = catalog;
    }

    /** Imports {@code snapshot_date,package,downloads_30d[,list_size]} rows. */
    public ImportSummary importCsv(Reader in) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DownloadsCsv.Parsed parsed;
        try {
            parsed = DownloadsCsv.read(in, catalog, now, runId(now));
        } catch (DownloadsCsv.InvalidCsvException e) {
            throw new InvalidImportException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SeriesObservation> checked = new ArrayList<>();
        for (SeriesObservation s : parsed.series()) {
            for (SeriesObservation part : split(s)) {
                try {
                    checked.add(ingest.check(part.observationSource(), EventJson.mapper().valueToTree(part)));
                } catch (InvalidObservationException e) {
                    throw new InvalidImportException("package " + s.subject() + ": " + e.getMessage());
                }
            }
        }
        return apply(parsed.rows(), checked, parsed.skippedPackages());
    }

    /**
     * Imports one series event per line, each {@code {"type": "dev.ecopulse.<source>.series.v1", "data": {...}}}
     * (CloudEvents' JSON format; other attributes are ignored). The origin stored is {@code import}.
     */
    public ImportSummary importNdjson(Reader in) {
        List<SeriesObservation> checked = new ArrayList<>();
        int rows = 0;
        int lineNo = 0;
        try {
            BufferedReader lines = new BufferedReader(in);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                rows++;
                try {
                    checked.add(event(line));
                } catch (InvalidObservationException e) {
                    throw new InvalidImportException("line " + lineNo + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows == 0) {
            throw new InvalidImportException("no series events: expected one JSON object per line");
        }
        return apply(rows, checked, List.of());
    }

    private SeriesObservation event(String line) {
        JsonNode event;
        try {
            event = EventJson.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidObservationException("not JSON: " + e.getOriginalMessage());
        }
        String type = event.path("type").asText("");
        ObservationSource source = Arrays.stream(ObservationSource.values())
                .filter(s -> SeriesObservation.eventType(s).equals(type)).findFirst()
                .orElseThrow(() -> new InvalidObservationException("type '" + type + "' is not a series type"
                        + " (dev.ecopulse.<github|pypi|maven>.series.v1)"));
        if (!(event.get("data") instanceof ObjectNode data)) {
            throw new InvalidObservationException("data must be the series payload (a JSON object)");
        }
        data.put("origin", SeriesObservation.ORIGIN_IMPORT);
        return ingest.check(source, data);
    }

    private ImportSummary apply(int rows, List<SeriesObservation> series, List<String> skipped) {
        int flows = 0;
        int stored = 0;
        int unchanged = 0;
        LocalDate first = null;
        for (SeriesObservation s : series) {
            SeriesIngest.Applied applied;
            try {
                applied = ingest.apply(s, EventIds.seriesId(s), false);
            } catch (RuntimeException e) {
                if (TransientStoreFailure.isTransient(e)) {
                    throw new NotReadyException("the store did not answer (" + e.getClass().getSimpleName()
                            + "); part of the input may be stored: importing the same input again is safe");
                }
                throw e;
            }
            flows += s.flows().size();
            stored += applied.stored();
            unchanged += applied.unchanged();
            Optional<LocalDate> day = applied.firstChangedDay();
            if (day.isPresent() && (first == null || day.get().isBefore(first))) {
                first = day.get();
            }
        }
        LOG.infof("Import: %d rows, %d series, %d flows stored, %d unchanged, %d packages skipped, rescored from %s",
                rows, series.size(), stored, unchanged, skipped.size(), first == null ? "nothing" : first);
        return new ImportSummary(rows, series.size(), flows, stored, unchanged, skipped, first);
    }

    private static List<SeriesObservation> split(SeriesObservation s) {
        List<SeriesObservation> parts = new ArrayList<>();
        for (int i = 0; i < s.flows().size(); i += MAX_FLOWS_PER_SERIES) {
            parts.add(new SeriesObservation(s.projectId(), s.source(), s.subject(), s.observedAt(), s.runId(),
                    s.origin(), s.flows().subList(i, Math.min(s.flows().size(), i + MAX_FLOWS_PER_SERIES)),
                    s.missing()));
        }
        return parts;
    }

    private static String runId(Instant now) {
        return "import-" + now;
    }
}
