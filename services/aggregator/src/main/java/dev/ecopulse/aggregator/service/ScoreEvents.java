package dev.ecopulse.aggregator.service;

import dev.ecopulse.contract.event.ScoreChanged;

/**
 * Where score changes go out. Implemented by the messaging layer, so the service layer names what it needs without
 * depending on Kafka.
 */
public interface ScoreEvents {

    /** Publishes the change under its deterministic id; throws when it was not acknowledged in time. */
    void publish(ScoreChanged event, String id);
}
