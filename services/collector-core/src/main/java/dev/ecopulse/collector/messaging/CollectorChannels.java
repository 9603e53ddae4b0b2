package dev.ecopulse.collector.messaging;

/** Reactive Messaging channel names of the collectors, reused by their tests. */
public final class CollectorChannels {

    /** Where a collector's observations go; each service maps it to its own topic. */
    public static final String OBSERVATIONS = "observations";

    private CollectorChannels() {
    }
}
