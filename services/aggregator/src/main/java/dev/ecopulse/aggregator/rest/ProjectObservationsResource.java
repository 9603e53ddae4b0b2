package dev.ecopulse.aggregator.rest;

import dev.ecopulse.aggregator.service.ObservationQueries;
import dev.ecopulse.contract.event.ObservationSource;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** A project's raw observation history. */
@Path("/api/v1/projects/{id}/observations")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectObservationsResource {

    static final int MAX_LIMIT = 500;

    private final ObservationQueries queries;

    ProjectObservationsResource(ObservationQueries queries) {
        this.queries = queries;
    }

    @GET
    public List<ObservationView> list(@PathParam("id") String projectId, @QueryParam("source") String source,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        return queries.history(projectId, parseSource(source), parseLimit(limit)).stream()
                .map(ObservationView::of).toList();
    }

    private static Optional<ObservationSource> parseSource(String source) {
        if (source == null || source.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ObservationSource.fromId(source).orElseThrow(
                () -> ApiException.badParameter("source", "'" + source + "' is not one of github, pypi, maven")));
    }

    private static int parseLimit(String limit) {
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", got '"
                + limit + "'");
    }
}
