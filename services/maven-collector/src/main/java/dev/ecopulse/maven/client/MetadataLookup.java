package dev.ecopulse.maven.client;

/** The answer to one maven-metadata.xml lookup. {@code metadata} is set when FOUND, {@code reason} otherwise. */
public record MetadataLookup(Outcome outcome, ArtifactMetadata metadata, String reason) {

    public enum Outcome {
        /** Read and understood. */
        FOUND,
        /** The repository has no such artifact (404). */
        NOT_FOUND,
        /** The artifact exists (200) but its metadata cannot be read. */
        MALFORMED,
        /** No usable answer this time: throttled beyond the limits, 5xx, timeout, refused connection. */
        UNAVAILABLE
    }

    static MetadataLookup found(ArtifactMetadata metadata) {
        return new MetadataLookup(Outcome.FOUND, metadata, null);
    }

    static MetadataLookup failed(Outcome outcome, String reason) {
        return new MetadataLookup(outcome, null, reason);
    }
}
