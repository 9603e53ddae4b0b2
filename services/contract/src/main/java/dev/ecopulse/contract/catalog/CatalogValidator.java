package dev.ecopulse.contract.catalog;

import com.fasterxml.jackson.databind.JsonNode;
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
    // npm's rules for new package names: lower case, URL-safe, optionally scoped, at most 214 characters
    static final Pattern NPM = Pattern.compile("(?=.{1,214}$)(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*");
    // Stack Exchange tags: lower case letters, digits and . + # -, at most 35 characters
    static final Pattern STACKOVERFLOW_TAG = Pattern.compile("[a-z0-9.+#-]{1,35}");
    static final Pattern HUGGINGFACE_TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,95}");
    static final int RESEARCH_MAX_LENGTH = 300;
    /** How far a project's declared shares may stray from 1 (decimal shares such as 0.1 are not exact in binary). */
    static final double SHARE_TOLERANCE = 1e-6;

    private final List<Located<Framework>> frameworks;
    private final List<Located<Project>> projects;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> idLines = new HashMap<>();
    private final Map<String, String> coordinateOwners = new HashMap<>();
    private final Map<String, String> tagOwners = new HashMap<>();

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
        f.huggingface().forEach(tag -> checkTag(where, f.id(), "huggingface", tag, HUGGINGFACE_TAG,
                "a Hub library tag such as pytorch or tf"));
        f.stackoverflow().forEach(tag -> checkTag(where, f.id(), "stackoverflow", tag, STACKOVERFLOW_TAG,
                "a Stack Overflow tag: lower case letters, digits and . + # -, at most 35 characters"));
        if (f.research() != null && (f.research().isBlank() || f.research().length() > RESEARCH_MAX_LENGTH)) {
            problems.add(where + "'research' must be an OpenAlex search of 1 to " + RESEARCH_MAX_LENGTH
                    + " characters, got " + f.research().length());
        }
    }

    /**
     * A framework-level tag belongs to one framework: the same model or question counted for two frameworks would
     * make the shares add up to more than the whole.
     */
    private void checkTag(String where, String frameworkId, String kind, String tag, Pattern format,
            String expected) {
        if (tag == null || !format.matcher(tag).matches()) {
            problems.add(where + "malformed " + kind + " tag '" + tag + "' (expected " + expected + ")");
            return;
        }
        String owner = tagOwners.putIfAbsent(kind + ":" + tag.toLowerCase(java.util.Locale.ROOT), frameworkId);
        if (owner != null && !owner.equals(frameworkId)) {
            problems.add(where + kind + " tag '" + tag + "' is already used by framework '" + owner + "'");
        } else if (owner != null) {
            problems.add(where + kind + " tag '" + tag + "' is listed twice");
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
        for (String framework : p.frameworks()) {
            if (!frameworkIds.contains(framework)) {
                problems.add(where + "unknown framework '" + framework + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(frameworkIds)) + ")");
            }
        }
        JsonNode declared = entry.source() == null ? null : entry.source().get("frameworks");
        if (declared != null && declared.isArray()) {
            checkListedOnce(where, declared);
        }
        if (p.attributionDeclared()) {
            checkShares(where, p, declared);
        }
        if (p.github() == null && p.pypi().isEmpty() && p.maven().isEmpty() && p.npm().isEmpty()) {
            problems.add(where + "needs at least one of 'github', 'pypi', 'maven', 'npm'");
        }
        if (p.github() != null) {
            checkCoordinate(where, p.id(), "github", p.github(), GITHUB, "owner/name");
        }
        p.pypi().forEach(name -> checkCoordinate(where, p.id(), "pypi", name, PYPI, "a PyPI project name"));
        p.maven().forEach(gav -> checkCoordinate(where, p.id(), "maven", gav, MAVEN, "groupId:artifactId"));
        p.npm().forEach(name -> checkCoordinate(where, p.id(), "npm", name, NPM,
                "an npm package name: lower case, 'name' or '@scope/name'"));
        p.companions().forEach((name, target) -> checkCompanion(where, p, name, target));
    }

    private void checkListedOnce(String where, JsonNode list) {
        Set<String> seen = new HashSet<>();
        list.forEach(framework -> {
            if (!seen.add(framework.asText())) {
                problems.add(where + "framework '" + framework.asText() + "' is listed twice");
            }
        });
    }

    /** Declared shares are positive numbers that add up to 1: each framework gets exactly what the catalog says. */
    private void checkShares(String where, Project p, JsonNode declared) {
        boolean allValid = true;
        for (Map.Entry<String, Double> share : p.attribution().entrySet()) {
            String framework = share.getKey();
            double value = share.getValue();
            if (Double.isNaN(value)) {
                JsonNode written = declared == null ? null : declared.get(framework);
                problems.add(where + "share of framework '" + framework + "' must be a number, got "
                        + (written == null || written.isNull() ? "nothing" : "'" + written.asText() + "'"));
                allValid = false;
            } else if (value <= 0 || value > 1) {
                problems.add(where + "share of framework '" + framework + "' must be above 0 and at most 1, got "
                        + value + (value == 0 ? " (a framework with no share does not belong in the list)" : ""));
                allValid = false;
            }
        }
        double sum = p.attribution().values().stream().mapToDouble(Double::doubleValue).sum();
        if (allValid && !p.attribution().isEmpty() && Math.abs(sum - 1) > SHARE_TOLERANCE) {
            problems.add(where + "the shares of its frameworks must add up to 1, got " + rounded(sum) + " ("
                    + String.join(" + ", p.attribution().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).toList()) + ")");
        }
    }

    /**
     * A companion is a package of this project installed with another package of the same project and registry, which
     * carries the count: a companion of a companion would leave the group without a clear lead.
     */
    private void checkCompanion(String where, Project p, String name, String target) {
        String what = where + "companion '" + name + "': ";
        String registry = registryOf(p, name);
        if (registry == null) {
            problems.add(what + misspeltOrMissing(p, name, "it is not one of the project's packages ("
                    + listing(p) + ")"));
            return;
        }
        if (target == null || target.isBlank()) {
            problems.add(what + "name the " + registry + " package of the project it is installed with");
            return;
        }
        if (same(registry, name, target)) {
            problems.add(what + "a package cannot be its own companion");
            return;
        }
        List<String> sameRegistry = switch (registry) {
            case "pypi" -> p.pypi();
            case "npm" -> p.npm();
            default -> p.maven();
        };
        if (!sameRegistry.contains(target)) {
            problems.add(what + misspeltOrMissing(p, target, "its target '" + target + "' is not a " + registry
                    + " package of the project (" + registry + ": " + String.join(", ", sameRegistry)
                    + "); companions stay within one registry"));
            return;
        }
        String next = p.companions().get(target);
        if (next != null) {
            problems.add(what + "its target '" + target + "' is itself a companion (of '" + next
                    + "'); name the package that carries the count instead");
        }
    }

    /** The sum as a reader would write it: 0.9, not 0.8999999999999999. */
    private static String rounded(double sum) {
        return new java.math.BigDecimal(sum).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }

    private static String registryOf(Project p, String name) {
        if (p.pypi().contains(name)) {
            return "pypi";
        }
        if (p.npm().contains(name)) {
            return "npm";
        }
        return p.maven().contains(name) ? "maven" : null;
    }

    /** Points at the project's own spelling when the name differs only the way PyPI ignores. */
    private static String misspeltOrMissing(Project p, String name, String otherwise) {
        return p.pypi().stream()
                .filter(listed -> !listed.equals(name) && same("pypi", listed, name))
                .findFirst()
                .map(listed -> "write '" + listed + "' as the project's 'pypi' list spells it")
                .orElse(otherwise);
    }

    private static boolean same(String registry, String a, String b) {
        return normalise(registry, a).equals(normalise(registry, b));
    }

    private static String listing(Project p) {
        return "pypi: " + (p.pypi().isEmpty() ? "none" : String.join(", ", p.pypi()))
                + "; maven: " + (p.maven().isEmpty() ? "none" : String.join(", ", p.maven()))
                + "; npm: " + (p.npm().isEmpty() ? "none" : String.join(", ", p.npm()));
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
