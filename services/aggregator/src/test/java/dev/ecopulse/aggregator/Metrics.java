package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

/** Reads the app's Prometheus metrics. */
final class Metrics {

    private Metrics() {
    }

    static String text() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** Sum of the series of {@code name} whose labels include {@code label}, e.g. {@code origin="import"}. */
    static double sum(String name, String label) {
        return Arrays.stream(text().split("\n"))
                .filter(l -> l.startsWith(name + "{") && l.substring(0, l.indexOf('}') + 1).contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Sum of every series of {@code name} (all label sets). */
    static double sum(String name) {
        return Arrays.stream(text().split("\n"))
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
