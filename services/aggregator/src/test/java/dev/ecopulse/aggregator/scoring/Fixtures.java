package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.aggregator.service.ObservationHistory;
import dev.ecopulse.contract.event.EventIds;
import dev.ecopulse.contract.event.Observation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** Helpers that turn test observations into what scoring takes. */
final class Fixtures {

    private Fixtures() {
    }

    static Methodology methodology(String yaml) {
        return MethodologyLoader.parse("test", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    static ObservedPoint point(Observation o) {
        return new ObservedPoint(EventIds.observationId(o.source(), o.projectId(), o.subject(), o.observedAt(),
                EventIds.DEFAULT_BUCKET), new SubjectKey(o.projectId(), o.source(), o.subject()), o.observedAt(), o);
    }

    static HistorySnapshot history(Collection<? extends Observation> observations) {
        ObservationHistory history = new ObservationHistory();
        observations.forEach(o -> history.add(point(o)));
        return history.snapshot();
    }
}
