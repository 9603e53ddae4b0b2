package dev.ecopulse.maven.client;

import java.util.regex.Pattern;

/** A Maven artifact as the catalog names it, {@code groupId:artifactId}, and how each upstream spells it. */
public record Coordinate(String groupId, String artifactId) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]+");

    public Coordinate {
        if (groupId == null || !PART.matcher(groupId).matches() || artifactId == null
                || !PART.matcher(artifactId).matches()) {
            throw new IllegalArgumentException("not a Maven coordinate: " + groupId + ":" + artifactId);
        }
    }

    /** Parses {@code groupId:artifactId}. */
    public static Coordinate parse(String coordinate) {
        int colon = coordinate == null ? -1 : coordinate.indexOf(':');
        if (colon < 0 || coordinate.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException("not a Maven coordinate (groupId:artifactId): " + coordinate);
        }
        return new Coordinate(coordinate.substring(0, colon), coordinate.substring(colon + 1));
    }

    /** The group as repository directories, e.g. {@code org/pytorch}. */
    public String groupPath() {
        return groupId.replace('.', '/');
    }

    /** The Central search query that lists every version of this artifact. */
    public String searchQuery() {
        return "g:\"" + groupId + "\" AND a:\"" + artifactId + "\"";
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId;
    }
}
