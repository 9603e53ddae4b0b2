package dev.ecopulse.aggregator.scoring;

import java.time.Duration;
import java.util.Collections;

/**
 * How far back from the day it scores scoring ever reads: a stock's change over the longest momentum window against
 * the window before needs a level twice that window back (within the history tolerance), the stars share its 90-day
 * start, a missing field its carried-forward value until it is stale. Anything older cannot change that day's scores.
 */
public final class ScoringReach {

    private ScoringReach() {
    }

    /** Whole days scoring reads before the day it scores. */
    public static int days(Methodology methodology) {
        long longestWindow = Collections.max(MomentumCalculator.WINDOWS);
        Duration stocks = Duration.ofDays(2 * longestWindow).plus(methodology.momentum().historyTolerance());
        Duration shares = Shares.STARS_WINDOW.plus(methodology.momentum().historyTolerance());
        Duration longest = max(max(stocks, shares), methodology.staleAfter());
        // a day more: a window end falls anywhere inside the day scored
        return (int) longest.toDays() + 1;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
