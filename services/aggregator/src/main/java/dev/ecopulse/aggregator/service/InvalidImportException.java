package dev.ecopulse.aggregator.service;

/** Import input that cannot be stored as it is; the message names the line. Nothing was stored. */
public class InvalidImportException extends RuntimeException {

    public InvalidImportException(String message) {
        super(message);
    }
}
