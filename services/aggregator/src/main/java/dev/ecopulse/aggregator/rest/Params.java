package dev.ecopulse.aggregator.rest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses query parameters, answering a malformed or out-of-range one with a 400 that names it. Dates and times are
 * accepted from year 1 to year 9999 (UTC), so nothing downstream meets a time it cannot represent.
 */
final class Params {

    static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    private static final String RANGE = "from 0001-01-01 to 9999-12-31";

    private Params() {
    }

    static boolean inRange(Instant time) {
        return !time.isBefore(FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC))
                && time.isBefore(LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    static Optional<LocalDate> date(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, "must be an ISO-8601 date such as 2026-11-28, got '" + value + "'");
        }
        return Optional.of(checked(name, day, value));
    }

    private static LocalDate checked(String name, LocalDate day, String value) {
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw ApiException.badParameter(name, "must be a date " + RANGE + ", got '" + value + "'");
        }
        return day;
    }

    /** An ISO-8601 instant, or a date meaning the start ({@code endOfDay} false) or end of that UTC day. */
    static Optional<Instant> instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            Instant time;
            try {
                time = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeException e) {
                throw ApiException.badParameter(name, "must be an ISO-8601 date (2026-11-28) or time"
                        + " (2026-11-28T09:00:00Z), got '" + value + "'");
            }
            if (!inRange(time)) {
                throw ApiException.badParameter(name, "must be a time " + RANGE + " (UTC), got '" + value + "'");
            }
            return Optional.of(time);
        }
        checked(name, day, value);
        return Optional.of(endOfDay ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)
                : day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** Pages are reached by cursor only: an offset would cost a scan of everything before it. */
    static void refuseOffset(String offset) {
        if (offset != null) {
            throw ApiException.badParameter("offset", "is not supported: page with the cursor of the Link"
                    + " rel=\"next\" header");
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
