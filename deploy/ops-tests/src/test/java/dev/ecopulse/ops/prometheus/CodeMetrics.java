package dev.ecopulse.ops.prometheus;

import dev.ecopulse.ops.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ecopulse meter names the services' code registers, found without running anything: every string literal
 * {@code "ecopulse.<words>"} in a source file under {@code services/*}{@code /src/main/java} that uses Micrometer.
 * A Prometheus name matches a meter when it is the meter's name with dots as underscores, followed by nothing or by
 * the suffixes Micrometer and Prometheus add (a base unit, then {@code _total}, {@code _count}, {@code _sum},
 * {@code _max} or {@code _bucket}). The live check in services/system-tests is the authority; this one fails fast.
 */
public final class CodeMetrics {

    private static final Pattern METER_NAME = Pattern.compile("\"(ecopulse\\.[a-z0-9_.]+)\"");
    private static final Pattern SUFFIXES = Pattern.compile(
            "(_(seconds|bytes|milliseconds|percent|ratio|points|requests))?(_(total|count|sum|max|bucket))?");

    private final Set<String> baseNames;

    private CodeMetrics(Set<String> baseNames) {
        this.baseNames = baseNames;
    }

    public static CodeMetrics scan() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> services = Files.list(Repo.path("services"))) {
            for (Path sources : services.map(s -> s.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        String source = Files.readString(file);
                        if (source.contains("io.micrometer")) {
                            Matcher m = METER_NAME.matcher(source);
                            while (m.find()) {
                                names.add(m.group(1).replace('.', '_'));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CodeMetrics(Set.copyOf(names));
    }

    public Set<String> baseNames() {
        return baseNames;
    }

    /** Whether a Prometheus series name comes from a meter the code registers. */
    public boolean registers(String prometheusName) {
        return baseNames.stream().anyMatch(base -> prometheusName.startsWith(base)
                && SUFFIXES.matcher(prometheusName.substring(base.length())).matches());
    }

    /** The ecopulse names among {@code names} that no meter in the code accounts for. */
    public List<String> unregistered(Set<String> names) {
        return names.stream().filter(n -> n.startsWith("ecopulse_") && !registers(n)).sorted().toList();
    }
}
