package dev.ecopulse.huggingface.client;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hub's bucket state after an answer, from the headers of draft-ietf-httpapi-ratelimit-headers-09:
 * {@code RateLimit: "api";r=<remaining>;t=<seconds until reset>} and
 * {@code RateLimit-Policy: "fixed window";"api";q=<quota>;w=<window seconds>}. {@code quota} is empty without a
 * readable policy.
 */
public record RateLimitHeader(String bucket, long remaining, Duration reset, OptionalLong quota) {

    private static final Pattern ITEM = Pattern.compile("\"?([A-Za-z0-9 _|-]+)\"?((?:\\s*;\\s*[a-z]+\\s*=\\s*\"?[0-9]+\"?)+)");
    private static final Pattern PARAM = Pattern.compile("([a-z]+)\\s*=\\s*\"?([0-9]+)\"?");

    /** Whether the window's requests are used up: the next request would get a 429 before the reset. */
    public boolean exhausted() {
        return remaining <= 0;
    }

    /** The state of the {@code api} bucket (the only one, or the first, when none is named so); empty when unreadable. */
    public static Optional<RateLimitHeader> parse(String rateLimit, String policy) {
        if (rateLimit == null || rateLimit.isBlank()) {
            return Optional.empty();
        }
        Matcher item = pick(rateLimit);
        if (item == null) {
            return Optional.empty();
        }
        String bucket = item.group(1).trim();
        Long remaining = param(item.group(2), "r");
        Long reset = param(item.group(2), "t");
        if (remaining == null || reset == null) {
            return Optional.empty();
        }
        OptionalLong quota = OptionalLong.empty();
        if (policy != null) {
            for (String part : policy.split(",")) {
                Matcher p = ITEM.matcher(part);
                Long q = p.find() ? param(p.group(2), "q") : null;
                if (q != null && (part.contains("\"" + bucket + "\"") || !policy.contains(","))) {
                    quota = OptionalLong.of(q);
                    break;
                }
            }
        }
        return Optional.of(new RateLimitHeader(bucket, remaining, Duration.ofSeconds(reset), quota));
    }

    private static Matcher pick(String header) {
        Matcher first = null;
        for (String part : header.split(",")) {
            Matcher m = ITEM.matcher(part.trim());
            if (!m.matches()) {
                continue;
            }
            if (m.group(1).trim().toLowerCase(Locale.ROOT).equals("api")) {
                return m;
            }
            if (first == null) {
                first = m;
            }
        }
        return first;
    }

    private static Long param(String params, String name) {
        Matcher p = PARAM.matcher(params);
        while (p.find()) {
            if (p.group(1).equals(name)) {
                try {
                    return Long.parseLong(p.group(2));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** How the run's activity names the bucket, e.g. {@code 0 of 500 requests left in this 5-minute window}. */
    public String describe() {
        return remaining + (quota.isPresent() ? " of " + quota.getAsLong() : "") + " requests left in this 5-minute"
                + " window, reset in " + reset.toSeconds() + " s";
    }
}
