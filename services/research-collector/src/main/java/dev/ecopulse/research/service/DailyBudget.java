package dev.ecopulse.research.service;

import dev.ecopulse.contract.time.TimeSource;
import dev.ecopulse.research.client.Allowance;
import dev.ecopulse.research.config.ResearchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dollars this service may still spend at OpenAlex today (UTC, when OpenAlex resets its allowance). Kept in
 * memory only: after a restart the day starts unspent here, and the first answer's {@code X-RateLimit-Remaining-USD}
 * (when OpenAlex sends it) brings the figure back down to what OpenAlex says is left.
 */
@ApplicationScoped
public class DailyBudget {

    /** OpenAlex's documented free daily allowance with a key and without one. */
    static final BigDecimal WITH_KEY = new BigDecimal("1.00");
    static final BigDecimal WITHOUT_KEY = new BigDecimal("0.01");

    private final BigDecimal perDay;
    private final BigDecimal price;
    private final TimeSource time;
    private LocalDate day;
    private BigDecimal spent = BigDecimal.ZERO;
    private BigDecimal reportedLeft;

    DailyBudget(ResearchConfig config, TimeSource time) {
        this.perDay = config.dailyBudget().orElse(config.keyed() ? WITH_KEY : WITHOUT_KEY);
        this.price = config.searchPrice();
        this.time = time;
    }

    /** The dollars allowed per day. */
    public BigDecimal perDay() {
        return perDay;
    }

    /** Searches the daily budget pays for. */
    public long searchesPerDay() {
        return searches(perDay);
    }

    /** Searches still affordable today. */
    public synchronized long searchesLeft() {
        return searches(left());
    }

    /** Dollars still to spend today: the budget minus what was spent, and never more than OpenAlex says is left. */
    public synchronized BigDecimal left() {
        roll();
        BigDecimal left = perDay.subtract(spent).max(BigDecimal.ZERO);
        return reportedLeft == null ? left : left.min(reportedLeft);
    }

    /** Notes {@code requests} searches sent, and what OpenAlex reported about the allowance after them. */
    public synchronized void spend(int requests, Allowance allowance) {
        roll();
        spent = spent.add(price.multiply(BigDecimal.valueOf(requests)));
        if (allowance.remainingUsd() != null) {
            reportedLeft = allowance.remainingUsd();
        }
    }

    /** OpenAlex said the day's allowance is gone (429): nothing more is asked before midnight UTC. */
    public synchronized void exhausted() {
        roll();
        reportedLeft = BigDecimal.ZERO;
    }

    /** Forgets today's spending (for tests, and the day's rollover). */
    public synchronized void reset() {
        day = today();
        spent = BigDecimal.ZERO;
        reportedLeft = null;
    }

    /** {@code $1.00 a day, about 1,000 searches}. */
    public String describe() {
        return dollars(perDay) + " a day, about " + String.format("%,d", searchesPerDay()) + " searches";
    }

    static String dollars(BigDecimal amount) {
        BigDecimal shown = amount.scale() <= 2 ? amount.setScale(2, RoundingMode.UNNECESSARY)
                : amount.stripTrailingZeros();
        return "$" + shown.toPlainString();
    }

    private long searches(BigDecimal dollars) {
        return price.signum() == 0 ? Long.MAX_VALUE : dollars.divideToIntegralValue(price).longValue();
    }

    private void roll() {
        if (!today().equals(day)) {
            reset();
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(time.now(), ZoneOffset.UTC);
    }
}
