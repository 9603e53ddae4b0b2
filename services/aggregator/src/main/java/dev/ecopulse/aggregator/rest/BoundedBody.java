package dev.ecopulse.aggregator.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body read up to a limit: one byte more and the request is refused (413) however it was sent. */
final class BoundedBody extends FilterInputStream {

    private final long limit;
    private long read;

    BoundedBody(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Refuses a body whose declared length is over the limit, before reading any of it. */
    static void checkDeclared(Long contentLength, long limit) {
        if (contentLength != null && contentLength > limit) {
            throw new TooLargeException(limit);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw new TooLargeException(limit);
        }
    }

    /** The body is larger than the limit. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(long limit) {
            super("the body is larger than " + limit + " bytes (ecopulse.import.max-size): split the input; importing"
                    + " the parts in any order gives the same result");
        }
    }
}
