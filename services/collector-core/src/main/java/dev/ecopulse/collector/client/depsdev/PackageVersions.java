package dev.ecopulse.collector.client.depsdev;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.contract.event.EventJson;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads deps.dev's package answer ({@code GET /v3/systems/{system}/packages/{name}}): which version is the default. */
final class PackageVersions {

    /** A version and when it was published (null when deps.dev does not say). */
    record Version(String version, Instant publishedAt) {
    }

    private PackageVersions() {
    }

    /** The version marked {@code isDefault} (proto3 JSON leaves a false flag out). */
    static Fetched<Version> defaultVersion(String body, String name) {
        JsonNode root;
        try {
            root = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            return Fetched.missing("deps.dev answered malformed JSON for " + name);
        }
        JsonNode versions = root == null ? null : root.get("versions");
        if (versions == null || !versions.isArray()) {
            return Fetched.missing("deps.dev lists no versions of " + name);
        }
        for (JsonNode v : versions) {
            if (v.path("isDefault").asBoolean(false)) {
                String version = v.path("versionKey").path("version").asText("");
                if (version.isBlank()) {
                    return Fetched.missing("deps.dev marks a default version of " + name + " without a version");
                }
                return Fetched.of(new Version(version, instant(v.path("publishedAt").asText(null))));
            }
        }
        return Fetched.missing("deps.dev marks no default version of " + name);
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
