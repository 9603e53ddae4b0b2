package dev.ecopulse.aggregator.rest;

import dev.ecopulse.support.rest.AdminKey;
import dev.ecopulse.aggregator.config.ImportConfig;
import dev.ecopulse.aggregator.service.ImportSummary;
import dev.ecopulse.aggregator.service.SeriesImport;
import dev.ecopulse.support.rest.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Imports real historical series (a downloads CSV or NDJSON series events); operators only. */
@Path("/api/v1/admin/import")
@Tag(name = "admin")
@SecurityScheme(securitySchemeName = AdminKey.SCHEME, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = AdminKey.HEADER,
        description = "The admin key (ecopulse.admin.key), as for the collectors' POST /api/v1/collect; repeated"
                + " wrong keys are refused for a while (429)")
public class ImportResource {

    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";
    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final SeriesImport imports;
    private final AdminKey adminKey;
    private final ImportConfig config;

    ImportResource(SeriesImport imports, AdminKey adminKey, ImportConfig config) {
        this.imports = imports;
        this.adminKey = adminKey;
        this.config = config;
    }

    @POST
    @Consumes({CSV, NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importSeries", summary = "Imports real history: a downloads CSV, or NDJSON contract events"
            + " (series and observations)",
            description = "Everything is checked before anything is stored; flows are upserts and observations keyed"
                    + " by their content, so importing the same input again stores nothing new. The history is"
                    + " rescored from the first day that changed.")
    @SecurityRequirement(name = AdminKey.SCHEME)
    @RequestBody(required = true, content = {
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                description = "snapshot_date,package,downloads_30d[,list_size]: each row the PyPI downloads of the"
                        + " 30 days before snapshot_date; packages the catalog does not have are skipped"),
                examples = @ExampleObject(name = "downloads", value = "snapshot_date,package,downloads_30d\n"
                        + "2019-07-05,tfx,9033\n2019-07-19,tfx,15436\n")),
        @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING,
                description = "One contract event per line: {\"type\": \"dev.ecopulse.<source>.series.v1\" or"
                        + " \"dev.ecopulse.<source>.observation.v1\", \"data\": <payload as in docs/events>}; a"
                        + " series is stored with origin import"))})
    @APIResponse(responseCode = "200", description = "What was imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "400", description = "A line that cannot be imported, named in detail; nothing stored",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "The X-Api-Key header is missing or wrong",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many wrong keys from this client",
            headers = @Header(name = "Retry-After", ref = "RetryAfter"),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than ecopulse.import.max-size",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "A body that is neither text/csv nor application/x-ndjson",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The store did not answer; importing the same input again is"
            + " safe", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ImportSummary importSeries(
            // described once, as the adminKey security scheme, so generated clients send it as credentials
            @Parameter(hidden = true) @HeaderParam(AdminKey.HEADER) String key,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            @Context HttpServerRequest request, InputStream body) {
        adminKey.check(key, request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        long limit = config.maxSize().asLongValue();
        BoundedBody.checkDeclared(length, limit);
        Reader in = new InputStreamReader(new BoundedBody(body, limit), StandardCharsets.UTF_8);
        return NDJSON.equals(type.getType() + "/" + type.getSubtype()) ? imports.importNdjson(in)
                : imports.importCsv(in);
    }
}
