package dev.ecopulse.aggregator.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecopulse.aggregator.config.DataNotice;
import dev.ecopulse.aggregator.scoring.Methodology;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The scoring methodology in force. */
@Path("/api/v1/methodology")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "methodology")
public class MethodologyResource {

    /** The methodology does not change while the aggregator runs: serialised once. */
    private final Answer answer;

    MethodologyResource(Methodology methodology, DataNotice notice, ObjectMapper mapper) {
        try {
            this.answer = Answer.of(mapper.writeValueAsBytes(MethodologyView.of(methodology, notice)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the methodology", e);
        }
    }

    @GET
    @Operation(operationId = "getMethodology",
            summary = "Weights, thresholds, dimensions, bands, momentum and the formula; higher is better."
            + " dataNotice, when present, says the data is sample data")
    @APIResponse(responseCode = "200", description = "The methodology in force",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MethodologyView.class)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Response methodology(@Context Request request) {
        return Conditional.ok(request, answer);
    }
}
