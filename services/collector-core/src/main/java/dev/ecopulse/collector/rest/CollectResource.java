package dev.ecopulse.collector.rest;

import dev.ecopulse.collector.run.RunInProgressException;
import dev.ecopulse.collector.run.RunManager;
import dev.ecopulse.collector.run.RunStatus;
import dev.ecopulse.support.rest.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Starts a collection run on demand and shows the progress and summary of recent runs. */
@Path("/api/v1/collect")
@Produces(MediaType.APPLICATION_JSON)
public class CollectResource {

    private final RunManager runs;
    private final AdminKey adminKey;

    CollectResource(RunManager runs, AdminKey adminKey) {
        this.runs = runs;
        this.adminKey = adminKey;
    }

    /**
     * 202 with the new run; 401 without the admin key; 429 with Retry-After after repeated wrong keys; 409 with the
     * running run's id while one runs.
     */
    @POST
    public Response start(@HeaderParam(AdminKey.HEADER) String key, UriInfo uri,
            @Context HttpServerRequest request) {
        adminKey.check(key, request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        RunStatus run = runs.start(RunStatus.Trigger.API);
        return Response.accepted(run).location(uri.getAbsolutePathBuilder().path(run.runId()).build()).build();
    }

    @GET
    public List<RunStatus> recent() {
        return runs.recent();
    }

    @GET
    @Path("/{runId}")
    public RunStatus run(@PathParam("runId") String runId) {
        return runs.find(runId).orElseThrow(() -> new UnknownRunException(runId));
    }

    @ServerExceptionMapper
    Response unauthorized(AdminKey.UnauthorizedException e, UriInfo uri) {
        return Problem.response(Response.Status.UNAUTHORIZED, e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    Response tooManyAttempts(AdminKey.TooManyAttemptsException e, UriInfo uri) {
        return Response.fromResponse(Problem.response(Response.Status.TOO_MANY_REQUESTS, e.getMessage(),
                uri.getPath())).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    Response inProgress(RunInProgressException e, UriInfo uri) {
        return Problem.response(Response.Status.CONFLICT, "a run is already in progress: " + e.runningRunId(),
                uri.getPath(), Map.of("runId", e.runningRunId()));
    }

    @ServerExceptionMapper
    Response unknownRun(UnknownRunException e, UriInfo uri) {
        return Problem.response(Response.Status.NOT_FOUND, e.getMessage(), uri.getPath());
    }

    static class UnknownRunException extends RuntimeException {
        UnknownRunException(String runId) {
            super("no run '" + runId + "' (only the last runs are kept)");
        }
    }
}
