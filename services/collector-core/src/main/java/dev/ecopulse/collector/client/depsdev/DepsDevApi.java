package dev.ecopulse.collector.client.depsdev;

import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** deps.dev v3alpha (base URL {@code ecopulse.depsdev.url}); path segments arrive percent-encoded. */
@RegisterRestClient(configKey = "depsdev")
@Path("/v3alpha/systems")
public interface DepsDevApi {

    @GET
    @Path("/{system}/packages/{name}/versions/{version}:dependents")
    @Produces(MediaType.APPLICATION_JSON)
    Response dependents(@PathParam("system") String system, @Encoded @PathParam("name") String name,
            @Encoded @PathParam("version") String version);
}
