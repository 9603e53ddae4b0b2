package dev.ecopulse.aggregator.scoring;

import java.util.Arrays;
import java.util.Optional;

/**
 * What momentum measures. A {@link Basis#SERIES} signal has an upstream time series, so its growth is known from the
 * first collection; a {@link Basis#HISTORY} signal is a level that only the stored history can compare over time.
 */
public enum MomentumSignal {
    DOWNLOADS("downloads", Basis.SERIES, "PyPI downloads: last 30 days against the 30 before, last 90 against the"
            + " 90 before (pypistats)"),
    COMMITS("commits", Basis.SERIES, "Commits: last 90 days against the 90 before (GitHub gives 90-day windows"
            + " only, so there is no 30-day growth)"),
    STARS("stars", Basis.HISTORY, "GitHub stars now against 30 and 90 days ago (stored history)"),
    FORKS("forks", Basis.HISTORY, "GitHub forks now against 30 and 90 days ago (stored history)"),
    DEPENDENTS("dependents", Basis.HISTORY, "Direct dependents (deps.dev) now against 30 and 90 days ago (stored"
            + " history)"),
    CONTRIBUTORS("contributors", Basis.HISTORY, "GitHub contributors now against 30 and 90 days ago (stored"
            + " history)"),
    RELEASES("releases", Basis.HISTORY, "Releases in the trailing 365 days now against 30 and 90 days ago (stored"
            + " history; the contract carries release counts, not every release date)");

    public enum Basis {
        SERIES,
        HISTORY
    }

    private final String id;
    private final Basis basis;
    private final String description;

    MomentumSignal(String id, Basis basis, String description) {
        this.id = id;
        this.basis = basis;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Basis basis() {
        return basis;
    }

    public String description() {
        return description;
    }

    public static Optional<MomentumSignal> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
