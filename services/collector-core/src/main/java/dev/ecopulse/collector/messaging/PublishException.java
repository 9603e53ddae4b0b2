package dev.ecopulse.collector.messaging;

/** Kafka did not take an observation within the publish timeout; the run ends as failed. */
public class PublishException extends RuntimeException {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
