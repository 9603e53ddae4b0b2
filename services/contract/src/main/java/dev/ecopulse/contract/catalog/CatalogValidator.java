package dev.ecopulse.contract.catalog;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The catalog's rules; every broken rule becomes one problem naming the line and the entry. */
final class CatalogValidator {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Pattern GITHUB = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");
    // PEP 508 project names
    static final Pattern PYPI = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    static final Pattern MAVEN = Pattern.compile("[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+");

    private final List<Located<Framework>> frameworks;
    private final List<Located<Project>> projects;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> idLines = new HashMap<>();
    private final Map<String, String> coordinateOwners = new HashMap<>();

    CatalogValidator(List<Located<Framework>> frameworks, List<Located<Project>> projects) {
        this.frameworks = frameworks;
        this.projects = projects;
    }

    List<String> problems() {
        if (frameworks.isEmpty()) {
            problems.add("'frameworks' is missing or empty");
        }
        if (projects.isEmpty()) {
            problems.add("'projects' is missing or empty");
        }
        frameworks.forEach(this::checkFramework);
        Set<String> frameworkIds = new HashSet<>();
        frameworks.forEach(f -> frameworkIds.add(f.value().id()));
        projects.forEach(p -> checkProject(p, frameworkIds));
        return problems;
    }

    private void checkFramework(Located<Framework> entry) {
        Framework f = entry.value();
        String where = where(entry.line(), "framework", f.id());
        checkId(entry.line(), where, f.id());
        if (isBlank(f.name())) {
            problems.add(where + "'name' is required");
        }
        if (f.homepage() != null && !isHttpUrl(f.homepage())) {
            problems.add(where + "'homepage' must be an http(s) URL, got '" + f.homepage() + "'");
        }
    }

    private void checkProject(Located<Project> entry, Set<String> frameworkIds) {
        Project p = entry.value();
        String where = where(entry.line(), "project", p.id());
        checkId(entry.line(), where, p.id());
        if (isBlank(p.name())) {
            problems.add(where + "'name' is required");
        }
        if (p.frameworks().isEmpty()) {
            problems.add(where + "'frameworks' must name at least one framework");
        }
        Set<String> seen = new HashSet<>();
        for (String framework : p.frameworks()) {
            if (!frameworkIds.contains(framework)) {
                problems.add(where + "unknown framework '" + framework + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(frameworkIds)) + ")");
            } else if (!seen.add(framework)) {
                problems.add(where + "framework '" + framework + "' is listed twice");
            }
        }
        if (p.github() == null && p.pypi().isEmpty() && p.maven().isEmpty()) {
            problems.add(where + "needs at least one of 'github', 'pypi', 'maven'");
        }
        if (p.github() != null) {
            checkCoordinate(where, p.id(), "github", p.github(), GITHUB, "owner/name");
        }
        p.pypi().forEach(name -> checkCoordinate(where, p.id(), "pypi", name, PYPI, "a PyPI project name"));
        p.maven().forEach(gav -> checkCoordinate(where, p.id(), "maven", gav, MAVEN, "groupId:artifactId"));
    }

    private void checkId(int line, String where, String id) {
        if (id == null) {
            problems.add(where + "'id' is required");
            return;
        }
        if (!ID.matcher(id).matches()) {
            problems.add(where + "id must match " + ID.pattern());
        }
        Integer first = idLines.putIfAbsent(id, line);
        if (first != null) {
            problems.add(where + "duplicate id '" + id + "' (first used at line " + first + ")");
        }
    }

    private void checkCoordinate(String where, String projectId, String kind, String value, Pattern format,
            String expected) {
        if (value == null || !format.matcher(value).matches()) {
            problems.add(where + "malformed " + kind + " coordinate '" + value + "' (expected " + expected + ")");
            return;
        }
        String key = kind + ":" + normalise(kind, value);
        String owner = coordinateOwners.putIfAbsent(key, projectId);
        if (owner != null && !owner.equals(projectId)) {
            problems.add(where + kind + " '" + value + "' is already used by project '" + owner + "'");
        } else if (owner != null) {
            problems.add(where + kind + " '" + value + "' is listed twice");
        }
    }

    /** Equal names upstream must compare equal here: GitHub is case-insensitive, PyPI normalises per PEP 503. */
    private static String normalise(String kind, String value) {
        return switch (kind) {
            case "github" -> value.toLowerCase(java.util.Locale.ROOT);
            case "pypi" -> PackageNames.normalise(value);
            default -> value;
        };
    }

    private static String where(int line, String kind, String id) {
        return "line " + line + ": " + kind + " '" + (id == null ? "?" : id) + "': ";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI uri = URI.create(s);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
