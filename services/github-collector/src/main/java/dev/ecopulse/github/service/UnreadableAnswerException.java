package dev.ecopulse.github.service;

import dev.ecopulse.github.client.UpstreamException;

/** GitHub's answer could not be read (malformed JSON, an unexpected shape): nothing in it is trusted. */
public class UnreadableAnswerException extends UpstreamException {

    public UnreadableAnswerException(String message) {
        super(message);
    }

    public UnreadableAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
