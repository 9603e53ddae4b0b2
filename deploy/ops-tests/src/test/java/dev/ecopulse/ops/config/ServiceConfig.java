package dev.ecopulse.ops.config;

import dev.ecopulse.ops.Repo;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration a service understands, read from its code and files, so that deploy files can be checked against
 * it. The rule, kept simple on purpose:
 * <ul>
 *   <li>every key of the service's {@code application.properties} (profile prefix {@code %x.} removed);</li>
 *   <li>every {@code @ConfigMapping(prefix = "p")} interface under its {@code src/main/java}: {@code p.} plus each
 *   abstract no-argument method name in kebab case (or its {@code @WithName}); and every
 *   {@code @ConfigProperty(name = "p")} there;</li>
 *   <li>the same from service-support, which every service uses;</li>
 *   <li>for a collector (a service depending on collector-core), the same from collector-core, including its
 *   {@code META-INF/microprofile-config.properties};</li>
 *   <li>environment variables a property value names directly ({@code ${GITHUB_TOKEN:}});</li>
 *   <li>a few Quarkus properties every service has without setting them ({@link #QUARKUS_BUILT_INS}).</li>
 * </ul>
 * An environment variable is understood when it is one of those variables, or the Quarkus environment form of one of
 * those properties (upper case, every character other than a letter or digit becomes {@code _}).
 */
public final class ServiceConfig {

    /** Quarkus runtime properties an operator may set on any service without the service naming them. */
    static final Set<String> QUARKUS_BUILT_INS = Set.of("quarkus.http.port", "quarkus.log.level",
            "quarkus.profile");

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern METHOD = Pattern.compile(
            "(?:@WithName\\(\\s*\"([^\"]+)\"\\s*\\)\\s*)?(?:@\\w+(?:\\([^)]*\\))?\\s*)*"
                    + "(?<!default )[\\w.<>\\[\\]?, ]+\\s+(\\w+)\\(\\)\\s*;");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

    private final String service;
    private final Set<String> properties;
    private final Set<String> environmentVariables;

    private ServiceConfig(String service, Set<String> properties, Set<String> environmentVariables) {
        this.service = service;
        this.properties = properties;
        this.environmentVariables = environmentVariables;
    }

    /** Reads {@code services/<service>} (and collector-core for a collector). */
    public static ServiceConfig of(String service) {
        Path dir = Repo.path("services/" + service);
        if (!Files.isDirectory(dir.resolve("src/main"))) {
            throw new IllegalArgumentException("no service at " + dir);
        }
        Set<String> properties = new TreeSet<>(QUARKUS_BUILT_INS);
        Set<String> variables = new TreeSet<>();
        read(dir, "src/main/resources/application.properties", properties, variables);
        mappings(dir.resolve("src/main/java"), properties);
        // what every service shares (the catalog's location among it)
        mappings(Repo.path("services/service-support/src/main/java"), properties);
        if (usesCollectorCore(dir)) {
            Path core = Repo.path("services/collector-core");
            read(core, "src/main/resources/META-INF/microprofile-config.properties", properties, variables);
            mappings(core.resolve("src/main/java"), properties);
        }
        return new ServiceConfig(service, Set.copyOf(properties), Set.copyOf(variables));
    }

    public String service() {
        return service;
    }

    public Set<String> properties() {
        return properties;
    }

    /** Whether the service reads this environment variable. */
    public boolean understands(String variable) {
        return environmentVariables.contains(variable)
                || properties.stream().anyMatch(p -> environmentForm(p).equals(variable));
    }

    /** Quarkus' environment variable form of a property name. */
    public static String environmentForm(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static boolean usesCollectorCore(Path dir) {
        try {
            return Files.readString(dir.resolve("pom.xml")).contains("<artifactId>ecopulse-collector-core</artifactId>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(Path dir, String file, Set<String> properties, Set<String> variables) {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            return;
        }
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            loaded.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loaded.forEach((key, value) -> {
            String name = key.toString().replaceFirst("^%[^.]+\\.", "");
            properties.add(name.replace("\"", ""));
            Matcher m = ENV_REFERENCE.matcher(value.toString());
            while (m.find()) {
                variables.add(m.group(1));
            }
        });
    }

    private static void mappings(Path sources, Set<String> properties) {
        if (!Files.isDirectory(sources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> mapping(f, properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mapping(Path file, Set<String> properties) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher property = PROPERTY.matcher(source);
        while (property.find()) {
            properties.add(property.group(1));
        }
        Matcher mapping = MAPPING.matcher(source);
        if (!mapping.find()) {
            return;
        }
        String prefix = mapping.group(1);
        String body = source.substring(source.indexOf('{', mapping.end()) + 1)
                .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        Matcher method = METHOD.matcher(body);
        while (method.find()) {
            if (method.group().contains("return ")) {
                continue;
            }
            String name = method.group(1) != null ? method.group(1) : kebab(method.group(2));
            properties.add(prefix + "." + name);
        }
    }
}
