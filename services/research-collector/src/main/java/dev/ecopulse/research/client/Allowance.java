package dev.ecopulse.research.client;

import dev.ecopulse.collector.client.http.UpstreamReply;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * What OpenAlex says about the day's allowance in its answer headers ({@code X-RateLimit-Limit-USD},
 * {@code X-RateLimit-Remaining-USD}, {@code X-RateLimit-Cost-USD}, {@code X-RateLimit-Reset} in seconds to midnight
 * UTC); each null when the answer did not carry it.
 */
public record Allowance(BigDecimal limitUsd, BigDecimal remainingUsd, BigDecimal costUsd, Duration reset) {

    public static final Allowance UNKNOWN = new Allowance(null, null, null, null);

    static Allowance of(UpstreamReply reply) {
        BigDecimal reset = dollars(reply.header("x-ratelimit-reset"));
        return new Allowance(dollars(reply.header("x-ratelimit-limit-usd")),
                dollars(reply.header("x-ratelimit-remaining-usd")), dollars(reply.header("x-ratelimit-cost-usd")),
                reset == null ? null : Duration.ofSeconds(reset.longValue()));
    }

    private static BigDecimal dollars(String value) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.trim().replace("$", ""));
            return number.signum() < 0 ? null : number;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
