package dev.ecopulse.infra;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options with defaults; an unknown or incomplete option is an error. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args, Map<String, String> defaults) {
        values.putAll(defaults);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !defaults.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: " + usage(defaults) + " (bad option '" + args[i] + "')");
            }
            values.put(name, args[i + 1]);
        }
    }

    String get(String name) {
        return values.get(name);
    }

    int port(String name) {
        try {
            int port = Integer.parseInt(values.get(name));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number, got '" + values.get(name) + "'");
        }
    }

    private static String usage(Map<String, String> defaults) {
        StringBuilder b = new StringBuilder();
        defaults.forEach((k, v) -> b.append("[--").append(k).append(' ').append(v).append("] "));
        return b.toString().trim();
    }
}
