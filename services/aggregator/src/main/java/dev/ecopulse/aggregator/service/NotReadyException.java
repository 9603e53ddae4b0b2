package dev.ecopulse.aggregator.service;

/** The scores are not loaded from the store yet (it may be unreachable); the API answers 503. */
public class NotReadyException extends RuntimeException {

    public NotReadyException(String detail) {
        super(detail);
    }
}
