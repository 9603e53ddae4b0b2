package dev.ecopulse.aggregator.scoring;

import java.util.Optional;
import java.util.Set;

/**
 * What a framework's ecosystem signals need to know about one of its projects; empty where the observations do not
 * tell. {@code registries} holds the registries the project was found on, when any registry was observed.
 */
public record ProjectFacts(Optional<Set<String>> registries, Optional<String> language, Optional<Boolean> deployment,
        Optional<Boolean> active) {
}
