package dev.ecopulse.research.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Upstream answers in their real formats, kept under {@code src/test/resources/upstream}. */
public final class Fixtures {

    private Fixtures() {
    }

    /** e.g. {@code openalex/works-count.json} */
    public static String read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/upstream/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
