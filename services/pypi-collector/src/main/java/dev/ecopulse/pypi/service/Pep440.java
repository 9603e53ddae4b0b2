package dev.ecopulse.pypi.service;

import java.util.Locale;
import java.util.regex.Pattern;

/** PEP 440 version kinds: pre-releases ({@code a}, {@code b}, {@code rc} and their spellings) and development releases. */
public final class Pep440 {

    // after the release segment: an optional separator, the pre-release word, an optional separator and number
    private static final Pattern PRE = Pattern.compile(
            "^v?(\\d+!)?\\d+(\\.\\d+)*[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?\\d*([-_.]?(post|rev|r)[-_.]?\\d*)?"
                    + "([-_.]?dev[-_.]?\\d*)?(\\+.*)?$");
    private static final Pattern DEV = Pattern.compile("^v?(\\d+!)?\\d+(\\.\\d+)*.*[-_.]?dev[-_.]?\\d*(\\+.*)?$");

    private Pep440() {
    }

    public static boolean isPreRelease(String version) {
        String v = version.trim().toLowerCase(Locale.ROOT);
        return PRE.matcher(v).matches() || DEV.matcher(v).matches();
    }
}
