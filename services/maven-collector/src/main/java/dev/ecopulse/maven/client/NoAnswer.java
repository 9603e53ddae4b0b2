package dev.ecopulse.maven.client;

import java.time.Duration;
import java.util.Locale;

/** Says in a few words why a request got no HTTP answer, without the stack of wrappers around the cause. */
final class NoAnswer {

    private NoAnswer() {
    }

    static String describe(Throwable failure, Duration timeout) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (name.contains("timeout") || message.contains("timeout") || message.contains("timed out")) {
                return "did not answer within " + seconds(timeout);
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "could not be reached (" + root.getClass().getSimpleName() + ")";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
