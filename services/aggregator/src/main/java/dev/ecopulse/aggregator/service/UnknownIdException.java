package dev.ecopulse.aggregator.service;

/** A framework or project id that the catalog does not hold. */
public class UnknownIdException extends RuntimeException {

    public UnknownIdException(String detail) {
        super(detail);
    }
}
