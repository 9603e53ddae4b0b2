package dev.ecopulse.support.rest;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error answer of every service. Members a service adds (such as a
 * collector's {@code runId}) are extensions, written beside the standard members.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Map<String, Object> present = new LinkedHashMap<>();
        if (extensions != null) {
            extensions.forEach((name, value) -> {
                if (value != null) {
                    present.put(name, value);
                }
            });
        }
        extensions = Map.copyOf(present);
    }

    /** Extension members; absent ones (null values) are left out. */
    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    public static Response response(Response.Status status, String detail, String instance) {
        return response(status, detail, instance, Map.of());
    }

    public static Response response(Response.Status status, String detail, String instance,
            Map<String, Object> extensions) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance,
                        extensions))
                .build();
    }
}
