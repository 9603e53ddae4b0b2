package dev.ecopulse.aggregator.rest;

import dev.ecopulse.aggregator.service.ObservationQueries;
import dev.ecopulse.aggregator.service.ScoreQueries;
import dev.ecopulse.contract.event.ObservationSource;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Projects: their scores, latest observations and raw observation history. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "projects")
public class ProjectsResource {

    static final int MAX_LIMIT = 500;

    private final ScoreQueries queries;
    private final ViewAnswers answers;
    private final ObservationQueries observations;

    ProjectsResource(ScoreQueries queries, ViewAnswers answers, ObservationQueries observations) {
        this.queries = queries;
        this.answers = answers;
        this.observations = observations;
    }

    @GET
    @Operation(operationId = "listProjects",
            summary = "Projects with their scores, optionally of one framework, in id order, paged by cursor"
            + " (framework, cursor, limit)")
    @APIResponse(responseCode = "200", description = "A page of projects with their scores, in id order",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Link", ref = "Link")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProjectSummary.class)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "NotReady")
    public Response list(@QueryParam("framework") String framework, @QueryParam(Cursor.PARAM) String cursor,
            @QueryParam("offset") String offset, @QueryParam("limit") @DefaultValue("100") String limit,
            @Context Request request, @Context UriInfo uri) {
        Params.refuseOffset(offset);
        Optional<String> after = Cursor.decodeProject(cursor);
        int size = Params.integer("limit", limit, 1, MAX_LIMIT);
        ViewAnswers.Page page = answers.projects(queries.state(), Optional.ofNullable(framework)
                .filter(f -> !f.isEmpty()), after, size);
        Response response = Conditional.ok(request, page.answer());
        return page.next().map(next -> Cursor.withNext(response, next, uri)).orElse(response);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getProject",
            summary = "A project's latest observation per source and subject, and its explained scores")
    @APIResponse(responseCode = "200", description = "The project, its latest observations and explained scores",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectDetail.class)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "NotReady")
    public Response detail(@PathParam("id") String id, @Context Request request) {
        return Conditional.ok(request, answers.project(queries.state(), id));
    }

    @GET
    @Path("{id}/observations")
    @Operation(operationId = "listProjectObservations",
            summary = "A project's raw observations, newest first, paged by cursor (source, from, to, cursor,"
            + " limit)")
    @APIResponse(responseCode = "200", description = "A page of raw observations, newest first",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Link", ref = "Link")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ObservationView.class)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Response observations(@PathParam("id") String projectId, @QueryParam("source") String source,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam(Cursor.PARAM) String cursor, @QueryParam("offset") String offset,
            @QueryParam("limit") @DefaultValue("100") String limit, @Context Request request,
            @Context UriInfo uri) {
        return ObservationPages.answer(new ObservationPages.Query(source, from, to, cursor, offset, limit),
                ObservationSource.Level.PROJECT,
                (s, f, t, after, size) -> observations.history(projectId, s, f, t, after, size), request, uri);
    }
}
