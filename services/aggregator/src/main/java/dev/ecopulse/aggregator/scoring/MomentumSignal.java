package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.contract.event.SeriesObservation;
import java.util.Arrays;
import java.util.Optional;

/**
 * What momentum measures: flows only, never the size of a stock. A {@link Basis#SERIES} signal is counted over each
 * window from the dated flows (series events, or the latest observation's window totals when a subject has none); a
 * {@link Basis#STOCK_CHANGE} signal is the change of a stock between the window's ends, from stored observations.
 */
public enum MomentumSignal {
    DOWNLOADS("downloads", Basis.SERIES, SeriesObservation.Signals.DOWNLOADS,
            "PyPI downloads without mirrors (pypistats' daily series)"),
    COMMITS("commits", Basis.SERIES, SeriesObservation.Signals.COMMITS,
            "Commits on the default branch (GitHub GraphQL history(since:, until:) windows)"),
    RELEASES("releases", Basis.SERIES, SeriesObservation.Signals.RELEASES,
            "Releases that are not pre-releases, by date (PyPI, Maven Central, GitHub; a project's registries"
                    + " count once, as the one with most)"),
    STARS("stars", Basis.STOCK_CHANGE, SeriesObservation.Signals.STARS,
            "New GitHub stars: the change of the star count between the window's ends"),
    FORKS("forks", Basis.STOCK_CHANGE, null, "New GitHub forks: the change of the fork count between the window's ends"),
    CONTRIBUTORS("contributors", Basis.STOCK_CHANGE, null,
            "New contributors: the change of the contributor count between the window's ends"),
    DEPENDENTS("dependents", Basis.STOCK_CHANGE, null,
            "New direct dependents (deps.dev): the change of the count between the window's ends"),
    NPM_DOWNLOADS("npmDownloads", Basis.SERIES, SeriesObservation.Signals.DOWNLOADS,
            "npm downloads (api.npmjs.org's daily series): JavaScript reach"),
    QUESTIONS("questions", Basis.SERIES, SeriesObservation.Signals.QUESTIONS,
            "Stack Overflow questions asked with the framework's tags (framework level)"),
    MODELS("models", Basis.SERIES, SeriesObservation.Signals.MODELS,
            "Hugging Face models created with the framework's library tags (framework level)"),
    WORKS("works", Basis.SERIES, SeriesObservation.Signals.WORKS,
            "Scholarly works mentioning the framework, by publication date (OpenAlex; framework level)");

    public enum Basis {
        SERIES,
        STOCK_CHANGE
    }

    private final String id;
    private final Basis basis;
    private final String flow;
    private final String description;

    MomentumSignal(String id, Basis basis, String flow, String description) {
        this.id = id;
        this.basis = basis;
        this.flow = flow;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Basis basis() {
        return basis;
    }

    /** The series signal its flows are stored under, if any ({@code stars} flows come from stargazer history). */
    public Optional<String> flow() {
        return Optional.ofNullable(flow);
    }

    public String description() {
        return description;
    }

    /** Whether the signal is observed for a framework as a whole, not for its projects. */
    public boolean frameworkLevel() {
        return this == QUESTIONS || this == MODELS || this == WORKS;
    }

    public static Optional<MomentumSignal> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
