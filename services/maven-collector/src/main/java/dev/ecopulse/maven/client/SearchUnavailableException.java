package dev.ecopulse.maven.client;

/** Central search gave no usable answer this time (timeout, refused, 429, 5xx); worth asking again. */
public class SearchUnavailableException extends Exception {

    public SearchUnavailableException(String message) {
        super(message);
    }
}
