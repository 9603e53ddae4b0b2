package dev.ecopulse.aggregator.rest;

import dev.ecopulse.aggregator.service.ScoreQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Frameworks side by side. */
@Path("/api/v1/compare")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "frameworks")
public class CompareResource {

    static final int MIN = 2;
    static final int MAX = 10;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final ScoreQueries queries;
    private final ViewAnswers answers;

    CompareResource(ScoreQueries queries, ViewAnswers answers) {
        this.queries = queries;
        this.answers = answers;
    }

    @GET
    @Operation(operationId = "compareFrameworks",
            summary = "2 to 10 frameworks side by side per dimension and signal (frameworks=a,b,...)")
    @APIResponse(responseCode = "200", description = "The frameworks side by side",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ComparisonView.class)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "NotReady")
    public Response compare(@Parameter(required = true, description = "2 to 10 comma-separated framework ids",
            example = "pytorch,tensorflow") @QueryParam("frameworks") String frameworks, @Context Request request) {
        return Conditional.ok(request, answers.comparison(queries.state(), parse(frameworks)));
    }

    private static List<String> parse(String frameworks) {
        String expected = "a comma-separated list of " + MIN + " to " + MAX + " framework ids";
        if (frameworks == null || frameworks.isBlank()) {
            throw ApiException.badParameter("frameworks", "required: " + expected);
        }
        List<String> ids = Arrays.stream(frameworks.split(",", -1)).map(String::trim).toList();
        if (ids.size() < MIN || ids.size() > MAX) {
            throw ApiException.badParameter("frameworks", expected + ", got " + ids.size());
        }
        for (String id : ids) {
            if (!ID.matcher(id).matches()) {
                throw ApiException.badParameter("frameworks", "'" + id + "' is not a framework id");
            }
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw ApiException.badParameter("frameworks", "a framework is listed twice in '" + frameworks + "'");
        }
        return ids;
    }
}
