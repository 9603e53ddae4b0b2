package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.repository.ObservationRepository;
import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.event.ObservationSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reads the observation history of catalog projects. */
@ApplicationScoped
public class ObservationQueries {

    private final ObservationRepository repository;
    private final Catalog catalog;

    ObservationQueries(ObservationRepository repository, Catalog catalog) {
        this.repository = repository;
        this.catalog = catalog;
    }

    public List<StoredObservation> history(String projectId, Optional<ObservationSource> source, int limit) {
        if (catalog.project(projectId).isEmpty()) {
            throw new UnknownIdException("no project '" + projectId + "' in the catalog");
        }
        return repository.findByProject(projectId, source, limit);
    }
}
