package dev.ecopulse.npm.client.registry;

import dev.ecopulse.collector.client.Fetched;
import java.util.List;

/**
 * What the collector keeps of a full registry document: the latest version, every published version with its time,
 * whether the latest version is deprecated, and the license. Kept small: the document itself can run to megabytes.
 */
public record PackageDocument(Fetched<String> latestVersion, Fetched<List<PublishedVersion>> versions,
        Fetched<Boolean> deprecated, Fetched<String> license) {

    /** A document that could not be read: every signal missing for {@code reason}. */
    public static PackageDocument unreadable(String reason) {
        return new PackageDocument(Fetched.missing(reason), Fetched.missing(reason), Fetched.missing(reason),
                Fetched.missing(reason));
    }

    public boolean readable() {
        return latestVersion.value() != null || versions.value() != null || deprecated.value() != null
                || license.value() != null;
    }
}
