package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.SubjectStatus;
import java.time.Instant;
import java.util.function.Function;

/**
 * One subject's contribution to a signal: a value with where it came from and when, or the reason it is absent. The
 * reason comes from the observation's own {@code missing} list when the collector gave one.
 */
sealed interface SubjectValue {

    record Present(double value, String source, Instant observedAt) implements SubjectValue {
    }

    record Absent(String reason) implements SubjectValue {
    }

    /** Reads {@code field} (its payload path, e.g. {@code pypistats.last30Days}) from the input's observation. */
    static <T extends Observation> SubjectValue read(ProjectInputs.Input input, Class<T> type, String field,
            Function<T, Number> value) {
        String label = input.key().label();
        if (input.point().isEmpty()) {
            return new Absent("no observation of " + label + " yet");
        }
        Observation o = input.point().get().payload();
        if (o.status() == SubjectStatus.NOT_FOUND) {
            return new Absent(label + " was not found upstream");
        }
        Number v = value.apply(type.cast(o));
        if (v == null || Double.isNaN(v.doubleValue())) {
            return new Absent(label + ": " + o.missing().stream()
                    .filter(m -> m.signal().equals(field) || field.startsWith(m.signal() + "."))
                    .map(MissingSignal::reason).findFirst()
                    .map(reason -> field + " missing (" + reason + ")")
                    .orElse(field + " not reported"));
        }
        return new Present(v.doubleValue(), label + " " + field, o.observedAt());
    }
}
