package dev.ecopulse.aggregator.scoring;

import java.util.List;

/** A methodology file that cannot be used, with every problem found in it. */
public class MethodologyException extends RuntimeException {

    private final List<String> problems;

    public MethodologyException(String origin, List<String> problems) {
        super("Invalid scoring methodology " + origin + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
