package dev.ecopulse.aggregator.messaging;

/** A score change Kafka did not acknowledge in time; it is published again on the next try. */
public class ScorePublishException extends RuntimeException {

    public ScorePublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
