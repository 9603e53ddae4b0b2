package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.SubjectStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * One subject's contribution to a signal: a value with where it came from and when, or the reason it is absent. The
 * reason comes from the observation's own {@code missing} list when the collector gave one.
 */
sealed interface SubjectValue {

    /** {@code carried}: the latest observation lacked the field, so its last good value was carried forward. */
    record Present(double value, String source, Instant observedAt, boolean carried) implements SubjectValue {
    }

    /** {@code lastKnown}: the field's last good value when there is one older than the freshness limit. */
    record Absent(String reason, Double lastKnown) implements SubjectValue {
    }

    /**
     * Reads {@code field} (its payload path, e.g. {@code pypistats.last30Days}) from the input's latest observation;
     * when the latest lacks it, from the newest earlier observation that has it. A value older than the inputs'
     * {@code freshFrom} is absent, with the value as its last known one. A subject not found upstream has no value.
     */
    static <T extends Observation> SubjectValue read(ProjectInputs in, ProjectInputs.Input input, Class<T> type,
            String field, Function<T, Number> value) {
        return read(in.freshFrom(), input, type, field, value);
    }

    /** {@link #read(ProjectInputs, ProjectInputs.Input, Class, String, Function)} with the freshness limit given. */
    static <T extends Observation> SubjectValue read(Instant freshFrom, ProjectInputs.Input input, Class<T> type,
            String field, Function<T, Number> value) {
        String label = input.key().label();
        if (input.point().isEmpty()) {
            return new Absent("no observation of " + label + " yet", null);
        }
        ObservedPoint latest = input.point().get();
        if (latest.payload().status() == SubjectStatus.NOT_FOUND) {
            return new Absent(label + " was not found upstream", null);
        }
        Double now = valueOf(latest, type, value);
        if (now != null) {
            return fresh(freshFrom, label, field, now, latest.observedAt(), false);
        }
        String why = label + ": " + latest.payload().missing().stream()
                .filter(m -> m.signal().equals(field) || field.startsWith(m.signal() + "."))
                .map(MissingSignal::reason).findFirst()
                .map(reason -> field + " missing (" + reason + ")")
                .orElse(field + " not reported");
        for (ObservedPoint earlier : input.earlier()) {
            if (earlier.payload().status() == SubjectStatus.NOT_FOUND) {
                break;
            }
            Double before = valueOf(earlier, type, value);
            if (before != null) {
                SubjectValue carried = fresh(freshFrom, label, field, before, earlier.observedAt(), true);
                return carried instanceof Absent a ? new Absent(why + "; " + a.reason(), a.lastKnown()) : carried;
            }
        }
        return new Absent(why, null);
    }

    private static SubjectValue fresh(Instant freshFrom, String label, String field, double v, Instant at,
            boolean carried) {
        if (freshFrom != null && at.isBefore(freshFrom)) {
            return new Absent(label + " " + field + " last known " + MaturityScorer.round(v, 4) + " from " + at
                    + ", older than the freshness limit " + freshFrom, v);
        }
        return new Present(v, label + " " + field, at, carried);
    }

    private static <T extends Observation> Double valueOf(ObservedPoint p, Class<T> type, Function<T, Number> value) {
        if (!type.isInstance(p.payload())) {
            return null;
        }
        Number v = value.apply(type.cast(p.payload()));
        return v == null || Double.isNaN(v.doubleValue()) ? null : v.doubleValue();
    }

    /** Whole days between two times, for explanations. */
    static long ageDays(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toDays());
    }
}
