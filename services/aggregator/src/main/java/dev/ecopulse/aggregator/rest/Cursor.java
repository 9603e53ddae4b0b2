package dev.ecopulse.aggregator.rest;

import dev.ecopulse.aggregator.repository.HistoryPosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque {@code cursor} of a history page: where the previous page ended. Clients pass back what the
 * {@code Link rel="next"} header gave them; anything else is a 400.
 */
final class Cursor {

    static final String PARAM = "cursor";
    private static final String VERSION = "1";

    private Cursor() {
    }

    static String encode(HistoryPosition position) {
        String plain = VERSION + "|" + position.observedAt().toEpochMilli() + "|" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<HistoryPosition> decode(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length == 3 && VERSION.equals(parts[0]) && !parts[2].isEmpty()) {
                Instant observedAt = Instant.ofEpochMilli(Long.parseLong(parts[1]));
                if (Params.inRange(observedAt)) {
                    return Optional.of(new HistoryPosition(observedAt, parts[2]));
                }
            }
        } catch (IllegalArgumentException e) {
            // answered below (NumberFormatException is one)
        }
        throw ApiException.badParameter(PARAM, "is not a cursor this API gave out (follow the Link rel=\"next\""
                + " header), got '" + token + "'");
    }
}
