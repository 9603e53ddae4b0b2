package dev.ecopulse.aggregator.rest;

import dev.ecopulse.aggregator.service.ViewState;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/** ETags and {@code If-None-Match}: an unchanged answer costs a 304 and no body. */
final class Conditional {

    /** Distinguishes this run's view versions from the previous run's. */
    private static final String BOOT = Long.toString(System.currentTimeMillis(), 36);

    private Conditional() {
    }

    /** The ETag of anything answered from the view: it changes whenever the view's content changes. */
    static EntityTag of(ViewState state) {
        return new EntityTag("v" + state.version() + "-" + BOOT);
    }

    /** The ETag of an answer computed from {@code content} (e.g. the ids of a page of observations). */
    static EntityTag ofContent(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return new EntityTag(HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 304 when the client holds the current version, else 200 with the body and the ETag. */
    static Response ok(Request request, EntityTag tag, Supplier<Object> body) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        return Response.ok(body.get()).tag(tag).build();
    }
}
