package dev.ecopulse.ops.prometheus;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one service exposes at {@code /q/metrics}: each sample name (as Prometheus stores it: {@code _total},
 * {@code _bucket}, {@code _count}, {@code _sum}, {@code _max} included) with the label names seen on it, and the
 * service named by the {@code service} label.
 */
public record Exposition(String service, Map<String, Set<String>> labelsByName) {

    /** Parses the Prometheus text format or OpenMetrics; a sample without a {@code service} label is an error. */
    public static Exposition parse(String text) {
        Map<String, Set<String>> labels = new TreeMap<>();
        Set<String> services = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int nameEnd = 0;
            while (nameEnd < line.length() && line.charAt(nameEnd) != '{' && line.charAt(nameEnd) != ' ') {
                nameEnd++;
            }
            String name = line.substring(0, nameEnd);
            Map<String, String> sample = nameEnd < line.length() && line.charAt(nameEnd) == '{'
                    ? labels(line, nameEnd) : Map.of();
            labels.computeIfAbsent(name, n -> new TreeSet<>()).addAll(sample.keySet());
            if (sample.containsKey("service")) {
                services.add(sample.get("service"));
            }
        }
        if (services.size() != 1) {
            throw new IllegalArgumentException("expected the samples of one service, found service labels " + services);
        }
        return new Exposition(services.iterator().next(), labels);
    }

    public boolean has(String name) {
        return labelsByName.containsKey(name);
    }

    public Set<String> labels(String name) {
        return labelsByName.getOrDefault(name, Set.of());
    }

    /** {@code name{a="x",b="y"} 1}: the labels from the brace at {@code open}; values may hold escaped quotes. */
    private static Map<String, String> labels(String line, int open) {
        Map<String, String> out = new HashMap<>();
        int i = open + 1;
        while (i < line.length() && line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String label = line.substring(i, eq).trim();
            int j = eq + 2; // past ="
            StringBuilder value = new StringBuilder();
            while (line.charAt(j) != '"') {
                if (line.charAt(j) == '\\') {
                    j++;
                }
                value.append(line.charAt(j++));
            }
            out.put(label, value.toString());
            i = j + 1;
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
            }
        }
        return out;
    }
}
