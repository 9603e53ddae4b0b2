package dev.ecopulse.aggregator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecopulse.aggregator.config.IngestConfig;
import dev.ecopulse.aggregator.repository.TransientStoreFailure;
import dev.ecopulse.aggregator.scoring.HistorySnapshot;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.Observation;
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
 * Imports real history for operators: a downloads CSV ({@link DownloadsCsv}) or NDJSON contract events (series and
 * observations). All of the input is read and checked first (one bad line refuses everything, naming the line); then
 * each series is stored and applied the way a series event from a topic is ({@link SeriesIngest}), with origin
 * {@code import}, and each observation the way an observation is ({@link ObservationIngest}), so past days get their
 * maturity too. Flows are upserts and observations keyed by their content-derived id, so importing the same input
 * again stores nothing new.
 */
@ApplicationScoped
public class SeriesImport {

    private static final Logger LOG = Logger.getLogger(SeriesImport.class);
    /** Flows per stored series: the contract's limit for one series event. */
    static final int MAX_FLOWS_PER_SERIES = 2000;

    private final SeriesIngest ingest;
    private final ObservationIngest observations;
    private final Catalog catalog;
    private final IngestConfig config;

    SeriesImport(SeriesIngest ingest, ObservationIngest observations, Catalog catalog, IngestConfig config) {
        this.ingest = ingest;
        this.observations = observations;
        this.catalog = catalog;
        this.config = config;
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
        return apply(parsed.rows(), checked, List.of(), parsed.skippedPackages());
    }

    /**
     * Imports one contract event per line, {@code {"type": "<ce_type>", "data": {...}}} (CloudEvents' JSON format;
     * other attributes are ignored): series ({@code dev.ecopulse.<source>.series.v1}, stored with origin
     * {@code import}) and observations ({@code dev.ecopulse.<source>.observation.v1}, whose id is derived from their
     * content as the collectors derive it).
     */
    public ImportSummary importNdjson(Reader in) {
        List<SeriesObservation> checked = new ArrayList<>();
        List<ObservationIngest.Checked> checkedObservations = new ArrayList<>();
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
                    JsonNode event = EventJson.mapper().readTree(line);
                    Optional<ObservationSource> observation = ObservationSource
                            .fromEventType(event.path("type").asText(""));
                    if (observation.isPresent()) {
                        checkedObservations.add(observation(observation.get(), event));
                    } else {
                        checked.add(event(event));
                    }
                } catch (JsonProcessingException e) {
                    throw new InvalidImportException("line " + lineNo + ": not JSON: " + e.getOriginalMessage());
                } catch (InvalidObservationException e) {
                    throw new InvalidImportException("line " + lineNo + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows == 0) {
            throw new InvalidImportException("no events: expected one JSON object per line");
        }
        return apply(rows, checked, checkedObservations, List.of());
    }

    /** An observation event, checked like one from a topic; its id is the one its content derives. */
    private ObservationIngest.Checked observation(ObservationSource source, JsonNode event) {
        if (!(event.get("data") instanceof ObjectNode data)) {
            throw new InvalidObservationException("data must be the observation payload (a JSON object)");
        }
        List<String> errors = EventSchemas.validate(source.eventType(), data);
        if (!errors.isEmpty()) {
            throw new InvalidObservationException("payload does not match the " + source.eventType() + " schema: "
                    + String.join("; ", errors));
        }
        Observation payload;
        try {
            payload = EventJson.mapper().treeToValue(data, EventJson.payloadType(source));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidObservationException("data is not a " + source.eventType() + " payload: "
                    + e.getMessage());
        }
        if (payload.projectId() == null || payload.subject() == null || payload.observedAt() == null) {
            throw new InvalidObservationException("data needs projectId, its subject and observedAt");
        }
        String id = EventIds.observationId(source, payload.projectId(), payload.subject(), payload.observedAt(),
                config.idBucket());
        return observations.check(new IncomingObservation(id, source, payload.projectId(), payload.projectId(),
                payload.observedAt(), data.toString()));
    }

    private SeriesObservation event(JsonNode event) {
        String type = event.path("type").asText("");
        ObservationSource source = Arrays.stream(ObservationSource.values())
                .filter(s -> SeriesObservation.eventType(s).equals(type)).findFirst()
                .orElseThrow(() -> new InvalidObservationException("type '" + type + "' is not a contract event"
                        + " type (dev.ecopulse.<github|pypi|maven>.series.v1 or .observation.v1)"));
        if (!(event.get("data") instanceof ObjectNode data)) {
            throw new InvalidObservationException("data must be the series payload (a JSON object)");
        }
        data.put("origin", SeriesObservation.ORIGIN_IMPORT);
        return ingest.check(source, data);
    }

    private ImportSummary apply(int rows, List<SeriesObservation> series,
            List<ObservationIngest.Checked> checkedObservations, List<String> skipped) {
        int flows = 0;
        int stored = 0;
        int unchanged = 0;
        int observationsStored = 0;
        LocalDate first = null;
        for (ObservationIngest.Checked o : checkedObservations) {
            observationsStored += storeObservation(o) ? 1 : 0;
            LocalDate day = HistorySnapshot.day(o.observation().time());
            first = first == null || day.isBefore(first) ? day : first;
        }
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
        return new ImportSummary(rows, series.size(), flows, stored, unchanged, checkedObservations.size(),
                observationsStored, skipped, first);
    }

    private boolean storeObservation(ObservationIngest.Checked o) {
        try {
            return observations.store(o);
        } catch (RuntimeException e) {
            if (TransientStoreFailure.isTransient(e)) {
                throw new NotReadyException("the store did not answer (" + e.getClass().getSimpleName()
                        + "); part of the input may be stored: importing the same input again is safe");
            }
            throw e;
        }
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
