package dev.ecopulse.maven.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Central search, the Solr API (base URL {@code ecopulse.maven.search-url}). */
@Path("/solrsearch")
public interface CentralSearchApi {

    /** With {@code core=gav}: one document per version, each with its release {@code timestamp} (epoch ms). */
    @GET
    @Path("/select")
    @Produces(MediaType.APPLICATION_JSON)
    Response select(@QueryParam("q") String query, @QueryParam("core") String core, @QueryParam("rows") int rows,
            @QueryParam("start") int start, @QueryParam("wt") String format);
}
