package dev.ecopulse.aggregator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.aggregator.config.IngestConfig;
import dev.ecopulse.aggregator.repository.FlowRepository;
import dev.ecopulse.aggregator.repository.FlowRepository.WriteCount;
import dev.ecopulse.aggregator.repository.TransientStoreFailure;
import dev.ecopulse.aggregator.scoring.HistorySnapshot;
import dev.ecopulse.aggregator.scoring.SubjectKey;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.EventSchemas;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Checks a series event against the contract and the catalog as {@link ObservationIngest} checks an observation (its
 * project and subject are the catalog's, it is not from the future, its {@code ce_id} is the one its content derives),
 * stores its flows (an upsert per date range: the same flows again store nothing new), then adds them to the flows
 * scoring reads and has the history rescored from the first day that changed. Imports take the same way from
 * {@link #check(ObservationSource, JsonNode)} on.
 */
@ApplicationScoped
public class SeriesIngest {

    private static final Logger LOG = Logger.getLogger(SeriesIngest.class);

    private final FlowRepository repository;
    private final FlowStore flows;
    private final Catalog catalog;
    private final ScoreRefresher refresher;
    private final AggregatorMetrics metrics;
    private final IngestConfig config;

    SeriesIngest(FlowRepository repository, FlowStore flows, Catalog catalog, ScoreRefresher refresher,
            AggregatorMetrics metrics, IngestConfig config) {
        this.repository = repository;
        this.flows = flows;
        this.catalog = catalog;
        this.refresher = refresher;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * What storing a series did: flows new or recounted in the store, flows unchanged, and the first day whose flows
     * changed in the store or in this replica's memory (the history is rescored from there).
     */
    public record Applied(int stored, int unchanged, Optional<LocalDate> firstChangedDay) {
    }

    /** Stores a series event from a topic; returns once it is written, so the caller can acknowledge it. */
    public Applied ingest(IncomingSeries event) {
        JsonNode payload = parse(event.payload());
        SeriesObservation series = check(event.source(), payload);
        if (!series.projectId().equals(event.subject()) || !series.projectId().equals(event.key())) {
            throw new InvalidObservationException("project '" + series.projectId() + "' differs from ce_subject '"
                    + event.subject() + "' or record key '" + event.key() + "'");
        }
        if (!series.observedAt().equals(event.time())) {
            throw new InvalidObservationException("payload observedAt " + payload.get("observedAt").asText()
                    + " differs from ce_time " + event.time());
        }
        String expected = EventIds.seriesId(series);
        if (!expected.equals(event.id())) {
            throw new InvalidObservationException("ce_id '" + event.id() + "' is not the id derived from the series'"
                    + " source, project, subject, origin and flows ('" + expected + "')");
        }
        return apply(series, event.id(), true);
    }

    /**
     * The series in a payload of {@code source}'s series type, if it keeps the contract and belongs to the catalog;
     * otherwise {@link InvalidObservationException} with the reason.
     */
    public SeriesObservation check(ObservationSource source, JsonNode payload) {
        String type = SeriesObservation.eventType(source);
        List<String> errors = EventSchemas.validate(type, payload);
        if (!errors.isEmpty()) {
            throw new InvalidObservationException("payload does not match the " + type + " schema: "
                    + String.join("; ", errors));
        }
        if (!source.id().equals(payload.get("source").asText())) {
            throw new InvalidObservationException("payload source '" + payload.get("source").asText()
                    + "' differs from ce_type '" + type + "'");
        }
        SeriesObservation series = read(payload);
        CatalogSubjects.check(catalog, source, series.projectId(), series.subject());
        Instant now = Instant.now();
        if (series.observedAt().isAfter(now.plus(config.maxClockSkew()))) {
            throw new InvalidObservationException("observedAt " + series.observedAt() + " is in the future (more"
                    + " than " + config.maxClockSkew() + " ahead of " + now + ")");
        }
        LocalDate observedDay = HistorySnapshot.day(series.observedAt());
        Set<String> ranges = new HashSet<>();
        for (Flow f : series.flows()) {
            String range = f.signal() + " " + f.from() + " to " + f.to();
            if (f.from().isAfter(observedDay)) {
                throw new InvalidObservationException("flow " + range + " starts after the series was observed ("
                        + series.observedAt() + "): it cannot have been counted");
            }
            if (!ranges.add(range)) {
                throw new InvalidObservationException("flow " + range + " appears twice");
            }
        }
        return series;
    }

    /**
     * Stores the series' flows, then applies them to memory and has the history rescored from the first changed day.
     * {@code holdStream}: while the store is unreachable, retry for as long as it takes (the consumer), or fail at once
     * (an import, which answers a person and is safe to repeat).
     */
    public Applied apply(SeriesObservation series, String seriesId, boolean holdStream) {
        ObservationSource source = series.observationSource();
        String subject = SubjectKey.canonical(source, series.subject());
        WriteCount written = write(series, source, subject, seriesId, holdStream);
        // applied even when nothing was new: the first delivery may have been stored without being acknowledged
        Optional<LocalDate> inMemory = flows.add(new SubjectKey(series.projectId(), source, subject),
                series.flows());
        inMemory.ifPresent(refresher::observationsChanged);
        metrics.flows(series.origin(), written.stored(), written.unchanged());
        LOG.debugf("Series %s of %s %s: %d flows stored, %d unchanged", seriesId, source.id(), subject,
                written.stored(), written.unchanged());
        // the replica sync may have brought this very write into memory first: either change counts
        Optional<LocalDate> first = Stream.of(inMemory, written.firstChanged()).flatMap(Optional::stream)
                .min(LocalDate::compareTo);
        return new Applied(written.stored(), written.unchanged(), first);
    }

    private WriteCount write(SeriesObservation series, ObservationSource source, String subject, String seriesId,
            boolean holdStream) {
        try {
            return holdStream
                    ? repository.upsert(source.id(), series.projectId(), subject, series.origin(), seriesId,
                            series.flows())
                    : repository.upsertOnce(source.id(), series.projectId(), subject, series.origin(), seriesId,
                            series.flows());
        } catch (RuntimeException e) {
            if (TransientStoreFailure.isTransient(e)) {
                throw e;
            }
            // the store refuses these documents for good: holding the stream for them would stop everything
            throw new InvalidObservationException("the store refused the series: " + e.getMessage());
        }
    }

    private static SeriesObservation read(JsonNode payload) {
        try {
            return EventJson.mapper().treeToValue(payload, SeriesObservation.class);
        } catch (JsonProcessingException e) {
            // a flow's own rule (it ends after it starts) surfaces as the cause
            String reason = e.getCause() instanceof IllegalArgumentException rule ? rule.getMessage()
                    : e.getOriginalMessage();
            throw new InvalidObservationException("payload is not a valid series: " + reason);
        }
    }

    static JsonNode parse(String payload) {
        try {
            return EventJson.mapper().readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidObservationException("payload is not JSON: " + e.getOriginalMessage());
        }
    }
}
