package dev.ecopulse.contract.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

/** PyPI project names compared the PyPI way. */
public final class PackageNames {

    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    private PackageNames() {
    }

    /** PEP 503 normalisation: runs of {@code -_.} become one {@code -}, lower case. */
    public static String normalise(String name) {
        return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }
}
