package dev.ecopulse.aggregator.page;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the page writes the API's numbers (JavaScript's toFixed rounds the exact binary value half up, as BigDecimal
 * of the double does), so a test can look for the API's value in the page's text.
 */
final class Shown {

    static final String DASH = "–";

    private Shown() {
    }

    static String score(JsonNode v) {
        return absent(v) ? DASH : fixed(v.asDouble(), 1);
    }

    static String percentOfOne(JsonNode v) {
        if (absent(v)) {
            return DASH;
        }
        double share = v.asDouble();
        return fixed(share * 100, share >= 0.1 ? 0 : 1) + " %";
    }

    /** A share the API gives in percent (0-100). */
    static String percent(JsonNode v) {
        return absent(v) ? DASH : fixed(v.asDouble(), 1) + " %";
    }

    /** A ranking's measure as its row reads: "maturity", "share of downloads 30d". */
    static String measure(String id) {
        if (id.startsWith("share.")) {
            return "Share of " + id.substring("share.".length()).replaceAll("([a-z])([A-Z0-9])", "$1 $2")
                    .toLowerCase(java.util.Locale.ROOT);
        }
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    static String growth(JsonNode v) {
        if (absent(v)) {
            return DASH;
        }
        double g = v.asDouble();
        return (g > 0 ? "+" : g < 0 ? "−" : "") + fixed(Math.abs(g), 1) + " %";
    }

    private static boolean absent(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }

    private static String fixed(double v, int digits) {
        return new BigDecimal(v).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }
}
