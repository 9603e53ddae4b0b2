package dev.ecopulse.maven.client;

/** An upstream answered 200 with something that cannot be read; no signal is taken from it. */
public class MalformedAnswerException extends Exception {

    public MalformedAnswerException(String message) {
        super(message);
    }
}
