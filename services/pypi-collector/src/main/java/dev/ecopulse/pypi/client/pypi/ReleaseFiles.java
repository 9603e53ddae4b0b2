package dev.ecopulse.pypi.client.pypi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers uploaded files by version into releases: earliest upload = release date; all files yanked = yanked. */
final class ReleaseFiles {

    private record Gathered(Instant earliest, boolean allYanked) {
    }

    private final Map<String, Gathered> versions = new LinkedHashMap<>();

    void add(String version, Instant uploadedAt, boolean yanked) {
        versions.merge(version, new Gathered(uploadedAt, yanked), (a, b) -> new Gathered(
                a.earliest().isBefore(b.earliest()) ? a.earliest() : b.earliest(), a.allYanked() && b.allYanked()));
    }

    List<Release> releases() {
        List<Release> releases = new ArrayList<>();
        versions.forEach((version, g) -> releases.add(new Release(version, g.earliest(), g.allYanked())));
        return releases;
    }
}
