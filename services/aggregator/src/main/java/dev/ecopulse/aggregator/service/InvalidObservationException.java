package dev.ecopulse.aggregator.service;

/** An observation that breaks the contract; it goes to the dead-letter topic with this message as the reason. */
public class InvalidObservationException extends RuntimeException {

    public InvalidObservationException(String reason) {
        super(reason);
    }
}
