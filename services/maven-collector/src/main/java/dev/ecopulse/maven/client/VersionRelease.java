package dev.ecopulse.maven.client;

import java.time.Instant;

/** One version of an artifact and when Central says it was released. */
public record VersionRelease(String version, Instant releasedAt) {
}
