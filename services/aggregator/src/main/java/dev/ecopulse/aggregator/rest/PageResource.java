package dev.ecopulse.aggregator.rest;

import dev.ecopulse.contract.catalog.Catalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The comparison page: one HTML shell for every page URL, rendered in the browser from this API. A framework the
 * catalog does not hold answers 404 with the same shell, which then shows a friendly not-found view.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    private static final String SHELL = "web/index.html";

    private final Catalog catalog;
    private final String html;

    PageResource(Catalog catalog) {
        this.catalog = catalog;
        this.html = read(SHELL);
    }

    @GET
    @Operation(hidden = true)
    public Response overview() {
        return page(Response.Status.OK);
    }

    @GET
    @Operation(hidden = true)
    @Path("frameworks")
    public Response frameworks() {
        return page(Response.Status.OK);
    }

    @GET
    @Operation(hidden = true)
    @Path("frameworks/{id}")
    public Response framework(@PathParam("id") String id) {
        return page(catalog.framework(id).isPresent() ? Response.Status.OK : Response.Status.NOT_FOUND);
    }

    @GET
    @Operation(hidden = true)
    @Path("compare")
    public Response compare() {
        return page(Response.Status.OK);
    }

    @GET
    @Operation(hidden = true)
    @Path("methodology")
    public Response methodology() {
        return page(Response.Status.OK);
    }

    private Response page(Response.Status status) {
        // the shell is tiny and names its assets; revalidate it so a new version is picked up at once
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .cacheControl(cache).build();
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
