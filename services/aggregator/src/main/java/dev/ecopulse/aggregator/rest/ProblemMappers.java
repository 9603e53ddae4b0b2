package dev.ecopulse.aggregator.rest;

import dev.ecopulse.support.rest.AdminKey;
import dev.ecopulse.aggregator.service.InvalidImportException;
import dev.ecopulse.aggregator.service.NotReadyException;
import dev.ecopulse.aggregator.service.UnknownIdException;
import dev.ecopulse.support.rest.Problem;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
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

    @ServerExceptionMapper
    public Response invalidImport(InvalidImportException e, UriInfo uri) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response unauthorized(AdminKey.UnauthorizedException e, UriInfo uri) {
        return Problem.response(Response.Status.UNAUTHORIZED, e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response tooManyAttempts(AdminKey.TooManyAttemptsException e, UriInfo uri) {
        return Response.fromResponse(Problem.response(Response.Status.TOO_MANY_REQUESTS, e.getMessage(),
                uri.getPath())).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response tooLarge(BoundedBody.TooLargeException e, UriInfo uri) {
        return Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return Problem.response(Response.Status.NOT_FOUND, "no such resource: " + uri.getPath()
                + " (the API is under /api/v1, see /q/openapi)", uri.getPath());
    }

    /** Any other refusal of the HTTP layer (405, 406, 415, ...), as a problem too. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null || status.getFamily() != Response.Status.Family.CLIENT_ERROR) {
            return e.getResponse();
        }
        String detail = switch (status) {
            case METHOD_NOT_ALLOWED -> uri.getPath().startsWith("/api/v1/admin/") ? "this resource accepts POST only"
                    : "this API is read-only: use GET";
            case UNSUPPORTED_MEDIA_TYPE -> "send the body as text/csv or application/x-ndjson";
            case NOT_ACCEPTABLE -> "this API answers application/json (problems as application/problem+json) only";
            default -> e.getMessage();
        };
        Response problem = Problem.response(status, detail, uri.getPath());
        if (status != Response.Status.METHOD_NOT_ALLOWED) {
            return problem;
        }
        // every resource of this API but the administrative ones is read-only
        String allow = e.getResponse().getHeaderString("Allow");
        return Response.fromResponse(problem).header("Allow", allow == null ? "GET, HEAD" : allow).build();
    }

    @ServerExceptionMapper
    public Response notReady(NotReadyException e, UriInfo uri) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage(),
                uri.getPath())).header("Retry-After", "5").build();
    }
}
