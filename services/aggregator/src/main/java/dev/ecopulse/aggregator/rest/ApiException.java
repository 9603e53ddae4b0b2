package dev.ecopulse.aggregator.rest;

import jakarta.ws.rs.core.Response;

/** A request the API answers with a problem: a bad parameter (400). */
public class ApiException extends RuntimeException {

    private final Response.Status status;

    public ApiException(Response.Status status, String detail) {
        super(detail);
        this.status = status;
    }

    public static ApiException badParameter(String name, String detail) {
        return new ApiException(Response.Status.BAD_REQUEST, "query parameter '" + name + "': " + detail);
    }

    public Response.Status status() {
        return status;
    }
}
