package dev.ecopulse.aggregator.rest;

import dev.ecopulse.aggregator.config.ScoresConfig;
import dev.ecopulse.aggregator.service.ObservationQueries;
import dev.ecopulse.aggregator.service.ScoreQueries;
import dev.ecopulse.aggregator.service.ViewState;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Frameworks: their scores, full explanations and score history. */
@Path("/api/v1/frameworks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "frameworks")
public class FrameworksResource {

    private final ScoreQueries queries;
    private final ViewAnswers answers;
    private final ObservationQueries observations;
    private final ScoresConfig config;

    FrameworksResource(ScoreQueries queries, ViewAnswers answers, ObservationQueries observations,
            ScoresConfig config) {
        this.queries = queries;
        this.answers = answers;
        this.observations = observations;
        this.config = config;
    }

    @GET
    @Operation(operationId = "listFrameworks",
            summary = "Every framework: maturity (0-100, higher is better), band, coverage, momentum in brief")
    @APIResponse(responseCode = "200", description = "Every framework of the catalog",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = FrameworkSummary.class),
                    examples = @ExampleObject(name = "keras", ref = "FrameworkList")))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "NotReady")
    public Response list(@Context Request request) {
        return Conditional.ok(request, answers.frameworks(queries.state()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getFramework",
            summary = "A framework's full explanation: dimensions, signals, contributions, gaps, momentum,"
            + " projects")
    @APIResponse(responseCode = "200", description = "The framework's full explanation",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FrameworkDetail.class),
                    examples = @ExampleObject(name = "keras", ref = "FrameworkDetail")))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "NotReady")
    public Response detail(@PathParam("id") String id, @Context Request request) {
        return Conditional.ok(request, answers.framework(queries.state(), id));
    }

    @GET
    @Path("{id}/history")
    @Operation(operationId = "getFrameworkHistory",
            summary = "A framework's maturity and momentum per day with data (from, to: ISO-8601 dates)")
    @APIResponse(responseCode = "200", description = "Scores per UTC day with data, oldest first",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HistoryView.class),
                    examples = @ExampleObject(name = "keras", ref = "FrameworkHistory")))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "NotReady")
    public Response history(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to, @Context Request request) {
        Optional<LocalDate> fromDate = Params.date("from", from);
        Optional<LocalDate> toDate = Params.date("to", to);
        ViewState state = queries.state();
        queries.requireFramework(id);
        LocalDate end = toDate.orElseGet(() -> queries.lastScoredDay(state)
                .orElse(LocalDate.now(ZoneOffset.UTC)));
        LocalDate start = fromDate.orElse(end.minusDays(config.historyDefaultDays() - 1L));
        if (start.isAfter(end)) {
            throw ApiException.badParameter("from", "'" + start + "' is after 'to' (" + end + ")");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > config.historyMaxDays()) {
            throw ApiException.badParameter(fromDate.isPresent() ? "from" : "to", "the range " + start + " to "
                    + end + " spans " + days + " days; at most " + config.historyMaxDays() + " are served at once");
        }
        return Conditional.ok(request, answers.history(state, id, start, end));
    }

    @GET
    @Path("{id}/observations")
    @Operation(operationId = "listFrameworkObservations",
            summary = "A framework's own raw observations (Hugging Face, Stack Exchange, research), newest first,"
            + " paged by cursor (source, from, to, cursor, limit)")
    @APIResponse(responseCode = "200", description = "A page of raw observations, newest first",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Link", ref = "Link")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ObservationView.class)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Response observations(@PathParam("id") String frameworkId, @QueryParam("source") String source,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam(Cursor.PARAM) String cursor, @QueryParam("offset") String offset,
            @QueryParam("limit") @DefaultValue("100") String limit, @Context Request request,
            @Context UriInfo uri) {
        return ObservationPages.answer(new ObservationPages.Query(source, from, to, cursor, offset, limit),
                ObservationSource.Level.FRAMEWORK,
                (s, f, t, after, size) -> observations.frameworkHistory(frameworkId, s, f, t, after, size), request,
                uri);
    }
}
