package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.aggregator.scoring.Evaluation;
import dev.ecopulse.aggregator.scoring.ScorePoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/** Holds the current {@link ViewState}; the API reads it, never the store. Replaced whole on each refresh. */
@ApplicationScoped
public class ScoreView {

    private volatile ViewState state;

    public Optional<ViewState> state() {
        return Optional.ofNullable(state);
    }

    /** Installs a freshly computed view; the version only moves when the content changed. */
    synchronized void install(Evaluation current, Map<String, NavigableMap<LocalDate, ScorePoint>> history,
            Map<String, List<StoredObservation>> latest) {
        ViewState next = new ViewState(state == null ? 1 : state.version() + 1, Instant.now(), current,
                Map.copyOf(history), Map.copyOf(latest));
        if (state != null && state.sameContent(next)) {
            return;
        }
        state = next;
    }
}
