package dev.ecopulse.aggregator.scoring;

/** How a raw value clamped at its threshold becomes a normalised value between 0 and 1. */
public enum Scale {
    /** {@code log(1 + v) / log(1 + T)}: counts, where the first thousand matter more than the last. */
    LOG,
    /** {@code v / T}: shares, ordinal levels and small counts. */
    LINEAR
}
