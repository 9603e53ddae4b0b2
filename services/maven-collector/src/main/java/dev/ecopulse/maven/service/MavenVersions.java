package dev.ecopulse.maven.service;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Versions as Maven itself orders them ({@link ComparableVersion}: {@code 1.0-alpha1 < 1.0-rc1 < 1.0 < 1.0.1 <
 * 1.10}), and which of them are pre-releases.
 */
public final class MavenVersions {

    /**
     * Qualifiers that make a version a pre-release, as they appear in ComparableVersion's canonical form (which
     * already turns {@code a1}, {@code b1}, {@code m1}, {@code cr1} into alpha, beta, milestone, rc). The first five are
     * the qualifiers Maven orders before a release; the others are common names for early builds that Maven does not
     * know.
     */
    static final Set<String> PRE_RELEASE_QUALIFIERS = Set.of("alpha", "beta", "milestone", "rc", "snapshot",
            "preview", "pre", "dev", "ea", "nightly");

    public static final Comparator<String> ORDER = Comparator.comparing(ComparableVersion::new);

    private MavenVersions() {
    }

    public static boolean isPreRelease(String version) {
        for (String token : new ComparableVersion(version).getCanonical().split("[.-]")) {
            if (PRE_RELEASE_QUALIFIERS.contains(token)) {
                return true;
            }
        }
        return false;
    }

    public static Optional<String> highest(Collection<String> versions) {
        return versions.stream().max(ORDER);
    }

    /** The highest version that is not a pre-release; empty when every version is one. */
    public static Optional<String> highestRelease(Collection<String> versions) {
        return versions.stream().filter(v -> !isPreRelease(v)).max(ORDER);
    }
}
