package dev.ecopulse.pypi.client.pypi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.contract.catalog.PackageNames;
import dev.ecopulse.pypi.client.JsonDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a project page of the Simple API in its JSON form (PEP 691, PEP 700) into releases: each file is attributed
 * to its version through its name ({@code <name>-<version>...}), dated by {@code upload-time}, and yanked when its
 * {@code yanked} is true or a reason.
 */
public final class SimpleIndex {

    static final String SOURCE = "PyPI's Simple API";

    private static final List<String> EXTENSIONS = List.of(".whl", ".tar.gz", ".tar.bz2", ".tar.xz", ".tar.Z", ".tgz",
            ".tbz", ".tar", ".zip", ".egg", ".exe", ".msi", ".rpm", ".dmg");

    private SimpleIndex() {
    }

    /** @param project the PEP 503-normalised project name the page is about */
    public static Fetched<List<Release>> read(String body, String project) {
        Optional<JsonNode> document = JsonDocuments.object(body);
        if (document.isEmpty()) {
            return Fetched.missing(SOURCE + " answered malformed JSON");
        }
        JsonNode files = document.get().get("files");
        if (files == null || !files.isArray()) {
            return Fetched.missing(SOURCE + " answered a page without its files list");
        }
        List<String> versions = versions(document.get().get("versions"));
        ReleaseFiles releases = new ReleaseFiles();
        for (JsonNode file : files) {
            String filename = ProjectJson.text(file.get("filename"));
            Instant uploaded = ProjectJson.instant(file.get("upload-time"));
            Boolean yanked = yanked(file.get("yanked"));
            if (filename == null || uploaded == null || yanked == null) {
                return Fetched.missing(SOURCE + " lists a file without a readable filename, upload-time or yanked");
            }
            // a file whose name does not carry the version cannot be dated to a release (PyPI refuses such names)
            versionOf(filename, project, versions).ifPresent(v -> releases.add(v, uploaded, yanked));
        }
        return Fetched.of(releases.releases());
    }

    /** {@code versions} (API 1.1 and later), longest first so that {@code 1.0.1} wins over {@code 1.0}. */
    private static List<String> versions(JsonNode node) {
        List<String> versions = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(v -> {
                if (v.isTextual() && !v.asText().isBlank()) {
                    versions.add(v.asText());
                }
            });
        }
        versions.sort(Comparator.comparingInt(String::length).reversed());
        return versions;
    }

    /** PEP 691: false or absent, true, or a non-empty reason; anything else is unreadable (null). */
    private static Boolean yanked(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.isTextual() ? !node.asText().isEmpty() : null;
    }

    /**
     * The version in a distribution's file name. Wheels: the second dash-separated part. Other files
     * ({@code <name>-<version>[-pyX.Y][.platform].<ext>}): what follows the project name, matched against the page's
     * version list when it has one, else up to the next dash.
     */
    static Optional<String> versionOf(String filename, String project, List<String> versions) {
        String lower = filename.toLowerCase(Locale.ROOT);
        String stem = null;
        for (String extension : EXTENSIONS) {
            if (lower.endsWith(extension.toLowerCase(Locale.ROOT))) {
                stem = filename.substring(0, filename.length() - extension.length());
                break;
            }
        }
        if (stem == null) {
            return Optional.empty();
        }
        if (lower.endsWith(".whl")) {
            String[] parts = stem.split("-");
            return parts.length >= 5 ? Optional.of(parts[1]) : Optional.empty();
        }
        for (int dash = stem.indexOf('-'); dash > 0; dash = stem.indexOf('-', dash + 1)) {
            if (PackageNames.normalise(stem.substring(0, dash)).equals(project)) {
                return versionAt(stem.substring(dash + 1), versions);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> versionAt(String rest, List<String> versions) {
        for (String version : versions) {
            if (rest.equals(version) || rest.startsWith(version + "-") || platformSuffix(rest, version)) {
                return Optional.of(version);
            }
        }
        int dash = rest.indexOf('-');
        String version = dash < 0 ? rest : rest.substring(0, dash);
        return version.isEmpty() ? Optional.empty() : Optional.of(version);
    }

    /** {@code 1.0.win32} is version 1.0 built for a platform; {@code 1.0.1} is another version. */
    private static boolean platformSuffix(String rest, String version) {
        return rest.length() > version.length() + 1 && rest.startsWith(version + ".")
                && !Character.isDigit(rest.charAt(version.length() + 1));
    }
}
