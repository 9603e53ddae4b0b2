package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.repository.HistoryPosition;
import dev.ecopulse.aggregator.repository.ObservationRepository;
import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.event.ObservationSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the raw observation history of catalog projects, and of frameworks' own subjects (model hub, questions,
 * research). The one read that goes to the store: the full history is
 * too large to keep in memory, and it is paged.
 */
@ApplicationScoped
public class ObservationQueries {

    private final ObservationRepository repository;
    private final Catalog catalog;

    ObservationQueries(ObservationRepository repository, Catalog catalog) {
        this.repository = repository;
        this.catalog = catalog;
    }

    /** A page of the project's observations, newest first, after the given position when there is one. */
    public List<StoredObservation> history(String projectId, Optional<ObservationSource> source,
            Optional<Instant> from, Optional<Instant> to, Optional<HistoryPosition> after, int limit) {
        if (catalog.project(projectId).isEmpty()) {
            throw new UnknownIdException("no project '" + projectId + "' in the catalog");
        }
        return repository.findByProject(projectId, source, from, to, after, limit);
    }

    /** A page of the framework's own observations; they are stored under the framework's id. */
    public List<StoredObservation> frameworkHistory(String frameworkId, Optional<ObservationSource> source,
            Optional<Instant> from, Optional<Instant> to, Optional<HistoryPosition> after, int limit) {
        if (catalog.framework(frameworkId).isEmpty()) {
            throw new UnknownIdException("no framework '" + frameworkId + "' in the catalog");
        }
        return repository.findByProject(frameworkId, source, from, to, after, limit);
    }
}
