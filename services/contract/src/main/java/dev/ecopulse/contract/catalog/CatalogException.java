package dev.ecopulse.contract.catalog;

import java.util.List;

/** The catalog cannot be used; the message names every wrong line or entry. */
public class CatalogException extends RuntimeException {

    private final List<String> problems;

    public CatalogException(String origin, List<String> problems) {
        super("Invalid ecosystem catalog " + origin + " (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
