package dev.ecopulse.collector.rest;

import dev.ecopulse.collector.run.RunInProgressException;
import dev.ecopulse.collector.run.RunManager;
import dev.ecopulse.collector.run.RunStatus;
import dev.ecopulse.support.rest.AdminKey;
import dev.ecopulse.support.rest.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Starts a collection run on demand and shows the progress and summary of recent runs. */
@Path("/api/v1/collect")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "collection", description = "Collection runs: start one on demand (admin key), follow its progress")
@SecurityScheme(securitySchemeName = AdminKey.SCHEME, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = AdminKey.HEADER,
        description = "The admin key (ecopulse.admin.key); repeated wrong keys are refused for a while (429)")
public class CollectResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

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
    @Operation(operationId = "startCollection", summary = "Starts a collection run now")
    @SecurityRequirement(name = AdminKey.SCHEME)
    @APIResponse(responseCode = "202", description = "The run, started; Location names it",
            headers = @Header(name = "Location", description = "The run's URL",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RunStatus.class)))
    @APIResponse(responseCode = "401", description = "The X-Api-Key header is missing or wrong",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A run is in progress; runId names it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many wrong keys from this client",
            headers = @Header(name = "Retry-After", description = "Seconds after which to try again",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response start(
            // described once, as the adminKey security scheme, so generated clients send it as credentials
            @Parameter(hidden = true) @HeaderParam(AdminKey.HEADER) String key,
            @Parameter(description = "Also read what the upstreams keep of every subject's past (a backfill), not"
                    + " only of the subjects this service has not backfilled yet") @QueryParam("backfill")
            @DefaultValue("false") boolean backfill,
            UriInfo uri, @Context HttpServerRequest request) {
        adminKey.check(key, request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        RunStatus run = runs.start(RunStatus.Trigger.API, backfill);
        return Response.accepted(run).location(uri.getAbsolutePathBuilder().path(run.runId()).build()).build();
    }

    @GET
    @Operation(operationId = "listRuns", summary = "The recent runs, with their progress or summary")
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "The recent runs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RunStatus.class)))
    public List<RunStatus> recent() {
        return runs.recent();
    }

    @GET
    @Path("/{runId}")
    @Operation(operationId = "getRun", summary = "One run's progress or summary")
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RunStatus.class)))
    @APIResponse(responseCode = "404", description = "No such run (only the last runs are kept)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
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
