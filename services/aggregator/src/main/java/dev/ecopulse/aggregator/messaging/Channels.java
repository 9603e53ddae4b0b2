package dev.ecopulse.aggregator.messaging;

/** Reactive Messaging channel names of the aggregator, reused by its tests. */
public final class Channels {

    /** The three observation topics, consumed as one stream. */
    public static final String OBSERVATIONS = "observations";

    /** Score changes, published on {@code ecopulse.scores}. */
    public static final String SCORES = "scores";

    private Channels() {
    }
}
