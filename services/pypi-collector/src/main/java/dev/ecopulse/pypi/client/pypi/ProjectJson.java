package dev.ecopulse.pypi.client.pypi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.contract.catalog.PackageNames;
import dev.ecopulse.pypi.client.JsonDocuments;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PyPI JSON API document ({@code /pypi/<name>/json}) defensively: a field that is absent or not what the API
 * documents makes that one signal missing with the reason, never a guessed value.
 */
public final class ProjectJson {

    static final String SOURCE = "PyPI's JSON API";

    private static final Pattern DEVELOPMENT_STATUS = Pattern.compile("Development Status\\s*::\\s*(\\d+)\\s*-\\s*(.+)");
    private static final Pattern REQUIREMENT_NAME = Pattern.compile("\\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)");
    private static final Pattern EXTRA_MARKER = Pattern.compile("(?<![A-Za-z0-9_])extra\\s*==");
    /** Longer than this, or over several lines, the {@code license} field holds a licence text, not its name. */
    static final int LICENSE_NAME_MAX = 100;

    private ProjectJson() {
    }

    public static ProjectMetadata read(String body) {
        Optional<JsonNode> document = JsonDocuments.object(body);
        if (document.isEmpty()) {
            return ProjectMetadata.unreadable(SOURCE + " answered malformed JSON");
        }
        JsonNode info = document.get().get("info");
        if (info == null || !info.isObject()) {
            return ProjectMetadata.unreadable(SOURCE + " answered a document without its info object");
        }
        List<String> classifiers = classifiers(info);
        return new ProjectMetadata(latestVersion(info), developmentStatus(classifiers, info), requiresPython(info),
                dependencyCount(info), license(info, classifiers), releases(document.get()));
    }

    private static Fetched<String> latestVersion(JsonNode info) {
        String version = text(info.get("version"));
        return version == null ? Fetched.missing(SOURCE + " gives no info.version") : Fetched.of(version);
    }

    /** The classifiers, or null when the field is not a list of strings. */
    private static List<String> classifiers(JsonNode info) {
        JsonNode node = info.get("classifiers");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            return null;
        }
        List<String> classifiers = new ArrayList<>();
        for (JsonNode c : node) {
            if (!c.isTextual()) {
                return null;
            }
            classifiers.add(c.asText().trim());
        }
        return classifiers;
    }

    /** The highest {@code Development Status} declared (a package rarely declares two). */
    private static Fetched<DevelopmentStatus> developmentStatus(List<String> classifiers, JsonNode info) {
        if (classifiers == null) {
            return Fetched.missing(SOURCE + " gives info.classifiers that are not a list of strings");
        }
        DevelopmentStatus highest = null;
        for (String classifier : classifiers) {
            Matcher m = DEVELOPMENT_STATUS.matcher(classifier);
            if (m.matches()) {
                int level;
                try {
                    level = Integer.parseInt(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (level >= 1 && level <= 7 && (highest == null || level > highest.level())) {
                    highest = new DevelopmentStatus(level, m.group(2).trim());
                }
            }
        }
        return highest == null
                ? Fetched.missing("the latest release declares no Development Status classifier")
                : Fetched.of(highest);
    }

    private static Fetched<String> requiresPython(JsonNode info) {
        JsonNode node = info.get("requires_python");
        if (node != null && !node.isNull() && !node.isTextual()) {
            return Fetched.missing(SOURCE + " gives an info.requires_python that is not a string");
        }
        String value = text(node);
        return value == null ? Fetched.missing("the latest release declares no Requires-Python") : Fetched.of(value);
    }

    /**
     * Distinct packages the latest release requires, leaving out optional ones (a marker with {@code extra ==}). No
     * {@code requires_dist} at all means none declared: 0.
     */
    private static Fetched<Long> dependencyCount(JsonNode info) {
        JsonNode node = info.get("requires_dist");
        if (node == null || node.isNull()) {
            return Fetched.of(0L);
        }
        if (!node.isArray()) {
            return Fetched.missing(SOURCE + " gives an info.requires_dist that is not a list");
        }
        Set<String> names = new HashSet<>();
        for (JsonNode requirement : node) {
            Matcher name = requirement.isTextual() ? REQUIREMENT_NAME.matcher(requirement.asText()) : null;
            if (name == null || !name.lookingAt()) {
                return Fetched.missing(SOURCE + " gives an info.requires_dist entry that is not a requirement");
            }
            String text = requirement.asText();
            int semicolon = text.indexOf(';');
            boolean optional = semicolon >= 0 && EXTRA_MARKER.matcher(text.substring(semicolon + 1)).find();
            if (!optional) {
                names.add(PackageNames.normalise(name.group(1)));
            }
        }
        return Fetched.of((long) names.size());
    }

    /** {@code license_expression} (SPDX), else a short {@code license}, else the {@code License ::} classifiers. */
    private static Fetched<String> license(JsonNode info, List<String> classifiers) {
        String expression = text(info.get("license_expression"));
        if (expression != null) {
            return Fetched.of(expression);
        }
        String license = text(info.get("license"));
        if (license != null && !license.equalsIgnoreCase("UNKNOWN") && license.length() <= LICENSE_NAME_MAX
                && license.lines().count() == 1) {
            return Fetched.of(license);
        }
        if (classifiers != null) {
            Set<String> names = new LinkedHashSet<>();
            for (String classifier : classifiers) {
                if (classifier.startsWith("License ::")) {
                    String[] parts = classifier.split("::");
                    names.add(parts[parts.length - 1].trim());
                }
            }
            names.remove("");
            if (!names.isEmpty()) {
                return Fetched.of(String.join(", ", names));
            }
        }
        return Fetched.missing("the latest release declares no license");
    }

    /** The deprecated {@code releases} map: version → files with {@code upload_time_iso_8601} and {@code yanked}. */
    private static Fetched<List<Release>> releases(JsonNode document) {
        JsonNode releases = document.get("releases");
        if (releases == null || releases.isNull()) {
            return Fetched.missing(SOURCE + " no longer lists releases");
        }
        if (!releases.isObject()) {
            return Fetched.missing(SOURCE + " gives releases that are not a map of versions");
        }
        ReleaseFiles files = new ReleaseFiles();
        for (Iterator<Map.Entry<String, JsonNode>> it = releases.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> version = it.next();
            if (!version.getValue().isArray()) {
                return Fetched.missing(SOURCE + " gives releases." + version.getKey() + " that is not a list of files");
            }
            for (JsonNode file : version.getValue()) {
                Instant uploaded = instant(file.get("upload_time_iso_8601"));
                Boolean yanked = flag(file.get("yanked"));
                if (uploaded == null || yanked == null) {
                    return Fetched.missing(SOURCE + " lists a file of " + version.getKey()
                            + " without a readable upload_time_iso_8601 or yanked");
                }
                files.add(version.getKey(), uploaded, yanked);
            }
        }
        return Fetched.of(files.releases());
    }

    /** A non-blank string, trimmed; null for anything else. */
    static String text(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        return node.asText().trim();
    }

    /** An ISO-8601 time with offset ({@code 2024-11-12T11:30:32.213937Z}); null when absent or unreadable. */
    static Instant instant(JsonNode node) {
        String value = text(node);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Boolean flag(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        return node.isBoolean() ? node.asBoolean() : null;
    }
}
