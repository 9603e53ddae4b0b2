package dev.ecopulse.aggregator.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/** ETags and {@code If-None-Match}: an unchanged answer costs a 304 and no body. */
final class Conditional {

    /** How precomputed answers are sent: what the JSON provider sends for the typed ones. */
    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private Conditional() {
    }

    /** The ETag of an answer computed from {@code content} (e.g. the ids of a page of observations). */
    static EntityTag ofContent(String content) {
        return ofBytes(content.getBytes(StandardCharsets.UTF_8));
    }

    /** The strong ETag of exactly these bytes: equal answers share it, across views and restarts. */
    static EntityTag ofBytes(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
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

    /** 304 when the client holds this answer, else 200 with its bytes as they are. */
    static Response ok(Request request, Answer answer) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(answer.tag());
        if (notModified != null) {
            return notModified.tag(answer.tag()).build();
        }
        return Response.ok(answer.json(), JSON).tag(answer.tag()).build();
    }
}
