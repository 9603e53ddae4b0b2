package dev.ecopulse.maven.client;

import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A Maven repository layout (base URL {@code ecopulse.maven.repo-url}). */
public interface MavenRepositoryApi {

    /** @param groupPath the group as directories ({@code org/pytorch}); its slashes are sent as they are */
    @GET
    @Path("/{groupPath}/{artifactId}/maven-metadata.xml")
    @Produces({ MediaType.APPLICATION_XML, MediaType.TEXT_XML })
    Response metadata(@Encoded @PathParam("groupPath") String groupPath, @PathParam("artifactId") String artifactId);
}
