package dev.ecopulse.aggregator.messaging;

/** Reactive Messaging channel names of the aggregator, reused by its tests. */
public final class Channels {

    /** The three observation topics, consumed as one stream. */
    public static final String OBSERVATIONS = "observations";

    private Channels() {
    }
}
