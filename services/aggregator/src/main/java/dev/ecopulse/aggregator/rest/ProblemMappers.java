package dev.ecopulse.aggregator.rest;

import dev.ecopulse.aggregator.service.UnknownIdException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the API's exceptions into problem+json answers. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        return Problem.response(e.status(), e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response unknownId(UnknownIdException e, UriInfo uri) {
        return Problem.response(Response.Status.NOT_FOUND, e.getMessage(), uri.getPath());
    }
}
