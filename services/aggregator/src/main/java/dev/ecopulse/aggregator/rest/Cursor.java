package dev.ecopulse.aggregator.rest;

import dev.ecopulse.aggregator.repository.HistoryPosition;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The opaque {@code cursor} of a page: where the previous page ended (a history position, or the last project's id).
 * Clients pass back what the {@code Link rel="next"} header gave them; anything else, a cursor of another kind of page
 * included, is a 400.
 */
final class Cursor {

    static final String PARAM = "cursor";
    private static final String VERSION = "1";
    private static final String PROJECTS = "p1";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private Cursor() {
    }

    static String encode(HistoryPosition position) {
        return opaque(VERSION + "|" + position.observedAt().toEpochMilli() + "|" + position.id());
    }

    static Optional<HistoryPosition> decode(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        try {
            String[] parts = plain(token).split("\\|", 3);
            if (parts.length == 3 && VERSION.equals(parts[0]) && !parts[2].isEmpty()) {
                Instant observedAt = Instant.ofEpochMilli(Long.parseLong(parts[1]));
                if (Params.inRange(observedAt)) {
                    return Optional.of(new HistoryPosition(observedAt, parts[2]));
                }
            }
        } catch (IllegalArgumentException e) {
            // answered below (NumberFormatException is one)
        }
        throw invalid(token);
    }

    /** The cursor of the page of projects that follows the project with this id. */
    static String afterProject(String id) {
        return opaque(PROJECTS + "|" + id);
    }

    /** The id of the project the previous page of projects ended with. */
    static Optional<String> decodeProject(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        try {
            String[] parts = plain(token).split("\\|", 2);
            if (parts.length == 2 && PROJECTS.equals(parts[0]) && ID.matcher(parts[1]).matches()) {
                return Optional.of(parts[1]);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw invalid(token);
    }

    /** The answer with a {@code Link rel="next"}: the same request at the given cursor. */
    static Response withNext(Response response, String cursor, UriInfo uri) {
        return Response.fromResponse(response).link(uri.getRequestUriBuilder().replaceQueryParam(PARAM, cursor)
                .build(), "next").build();
    }

    private static String opaque(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static String plain(String token) {
        return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    }

    private static ApiException invalid(String token) {
        return ApiException.badParameter(PARAM, "is not a cursor this API gave out (follow the Link rel=\"next\""
                + " header), got '" + token + "'");
    }
}
