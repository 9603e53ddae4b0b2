package dev.ecopulse.huggingface.client;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code rel="next"} target of an RFC 8288 {@code Link} header, the Hub's (and GitHub's) cursor paging. */
public final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("(?i)rel\\s*=\\s*\"?([^\";]+)\"?");

    private LinkHeader() {
    }

    /** The next page, resolved against the page it came with; empty without a next link or with an unreadable one. */
    public static Optional<URI> next(String header, URI page) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            Matcher rel = REL.matcher(link.group(2));
            if (rel.find() && rel.group(1).trim().toLowerCase(Locale.ROOT).matches("(.*\\s)?next(\\s.*)?")) {
                try {
                    return Optional.of(page.resolve(link.group(1).trim()));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
