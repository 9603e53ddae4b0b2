package dev.ecopulse.github.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The GitHub endpoints the collector reads. Every method answers the raw response (no exception for 4xx/5xx), so
 * status, rate-limit headers, {@code link} and {@code etag} can be read. {@code etag} parameters are sent as
 * {@code If-None-Match} when not null.
 */
@RegisterRestClient(configKey = "github")
@RegisterClientHeaders(GithubHeaders.class)
@Produces(GithubApi.GITHUB_JSON)
public interface GithubApi {

    String GITHUB_JSON = "application/vnd.github+json";
    String IF_NONE_MATCH = "If-None-Match";

    @POST
    @Path("/graphql")
    @Consumes(MediaType.APPLICATION_JSON)
    Response graphql(String body);

    @GET
    @Path("/repos/{owner}/{repo}")
    Response repository(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @HeaderParam(IF_NONE_MATCH) String etag);

    @GET
    @Path("/repos/{owner}/{repo}/contributors")
    Response contributors(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @QueryParam("per_page") int perPage, @QueryParam("anon") int anon, @HeaderParam(IF_NONE_MATCH) String etag);

    @GET
    @Path("/repos/{owner}/{repo}/pulls")
    Response pulls(@PathParam("owner") String owner, @PathParam("repo") String repo, @QueryParam("state") String state,
            @QueryParam("per_page") int perPage, @HeaderParam(IF_NONE_MATCH) String etag);

    @GET
    @Path("/repos/{owner}/{repo}/commits")
    Response commits(@PathParam("owner") String owner, @PathParam("repo") String repo, @QueryParam("sha") String sha,
            @QueryParam("since") String since, @QueryParam("until") String until, @QueryParam("per_page") int perPage,
            @HeaderParam(IF_NONE_MATCH) String etag);

    @GET
    @Path("/repos/{owner}/{repo}/releases")
    Response releases(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @QueryParam("per_page") int perPage, @QueryParam("page") int page, @HeaderParam(IF_NONE_MATCH) String etag);

    @GET
    @Path("/repos/{owner}/{repo}/releases/latest")
    Response latestRelease(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @HeaderParam(IF_NONE_MATCH) String etag);

    @GET
    @Path("/search/issues")
    Response searchIssues(@QueryParam("q") String query, @QueryParam("per_page") int perPage,
            @HeaderParam(IF_NONE_MATCH) String etag);
}
