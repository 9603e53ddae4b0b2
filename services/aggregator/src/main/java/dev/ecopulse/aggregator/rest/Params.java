package dev.ecopulse.aggregator.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses query parameters, answering a malformed or out-of-range one with a 400 that names it. */
final class Params {

    private Params() {
    }

    static Optional<LocalDate> date(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, "must be an ISO-8601 date such as 2026-11-28, got '" + value + "'");
        }
    }

    /** An ISO-8601 instant, or a date meaning the start ({@code endOfDay} false) or end of that UTC day. */
    static Optional<Instant> instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(value);
            return Optional.of(endOfDay ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)
                    : day.atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notADate) {
            try {
                return Optional.of(OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException e) {
                throw ApiException.badParameter(name, "must be an ISO-8601 date (2026-11-28) or time"
                        + " (2026-11-28T09:00:00Z), got '" + value + "'");
            }
        }
    }

    static int integer(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badParameter(name, "must be a whole number from " + min + " to " + max + ", got '"
                + value + "'");
    }
}
