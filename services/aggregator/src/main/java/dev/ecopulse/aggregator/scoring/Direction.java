package dev.ecopulse.aggregator.scoring;

/** Which way a signal's raw value is better; smaller-is-better signals are inverted before they are scored. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
