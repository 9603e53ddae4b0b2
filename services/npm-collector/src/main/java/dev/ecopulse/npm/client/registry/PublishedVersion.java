package dev.ecopulse.npm.client.registry;

import java.time.Instant;

/** One version the registry lists, with its publication time from the document's {@code time} object. */
public record PublishedVersion(String version, Instant publishedAt) {

    /** A semver pre-release ({@code 1.0.0-rc.1}, {@code 1.19.0-dev.20240601}); build metadata does not count. */
    public boolean preRelease() {
        int plus = version.indexOf('+');
        return (plus < 0 ? version : version.substring(0, plus)).indexOf('-') >= 0;
    }
}
