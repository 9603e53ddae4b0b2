package dev.ecopulse.maven.client;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What a maven-metadata.xml says. {@code versions} is null when the file has no {@code <versions>} element (nothing is
 * known), empty when it lists none. {@code release} and {@code latest} are kept for reference only: the deploying
 * client writes them, so neither is reliably the highest version.
 */
public record ArtifactMetadata(String groupId, String artifactId, List<String> versions, String release,
        String latest, String lastUpdated) {

    private static final DateTimeFormatter LAST_UPDATED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    public ArtifactMetadata {
        versions = versions == null ? null : List.copyOf(versions);
    }

    /** {@code lastUpdated} ({@code yyyyMMddHHmmss}, UTC) as an instant; null when absent or not such a time. */
    public Instant lastUpdatedAt() {
        if (lastUpdated == null || !lastUpdated.matches("\\d{14}")) {
            return null;
        }
        try {
            return LocalDateTime.parse(lastUpdated, LAST_UPDATED).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
