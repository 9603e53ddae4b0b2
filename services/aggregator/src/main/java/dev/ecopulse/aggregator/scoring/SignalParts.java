package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.aggregator.scoring.SubjectValue.Absent;
import dev.ecopulse.aggregator.scoring.SubjectValue.Present;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Combines a project's subject values of one signal into its reading, or says why it is missing or cannot apply. */
final class SignalParts {

    enum Combine {
        SUM, MAX, MIN, MEAN, MEDIAN
    }

    private final Map<Signal, Reading> readings;
    private final Map<Signal, String> missing;
    private final Map<Signal, String> notApplicable;

    SignalParts(Map<Signal, Reading> readings, Map<Signal, String> missing, Map<Signal, String> notApplicable) {
        this.readings = readings;
        this.missing = missing;
        this.notApplicable = notApplicable;
    }

    /**
     * No parts: the signal cannot apply to the project ({@code notApplicable} says why). Otherwise the present parts
     * are combined; absent ones lower the data share and are named. For a sum, {@code best} adds the absent parts'
     * last known values, so the range knows how far they could move it.
     */
    void put(Signal signal, Combine combine, List<SubjectValue> parts, String whyNotApplicable) {
        if (parts.isEmpty()) {
            notApplicable.put(signal, whyNotApplicable);
            return;
        }
        List<Present> present = parts.stream().filter(Present.class::isInstance).map(Present.class::cast).toList();
        List<Absent> absent = parts.stream().filter(Absent.class::isInstance).map(Absent.class::cast).toList();
        if (present.isEmpty()) {
            missing.put(signal, String.join("; ", absent.stream().map(Absent::reason).toList()));
            return;
        }
        List<Double> values = present.stream().map(Present::value).toList();
        double value = switch (combine) {
            case SUM -> Aggregate.SUM.apply(values);
            case MAX -> Aggregate.MAX.apply(values);
            case MIN -> -Aggregate.MAX.apply(values.stream().map(v -> -v).toList());
            case MEAN -> Aggregate.MEAN.apply(values);
            case MEDIAN -> Aggregate.MEDIAN.apply(values);
        };
        List<String> notes = new ArrayList<>(absent.stream().map(Absent::reason).toList());
        present.stream().filter(Present::carried).forEach(p -> notes.add(p.source() + " carried forward from "
                + p.observedAt() + " (the latest observation lacks it)"));
        double share = (double) present.size() / parts.size();
        Double best = null;
        if (absent.isEmpty()) {
            best = value;
        } else if (combine == Combine.SUM && absent.stream().allMatch(a -> a.lastKnown() != null)) {
            best = value + absent.stream().mapToDouble(Absent::lastKnown).sum();
        }
        readings.put(signal, new Reading(value, present.stream().map(Present::source).toList(),
                present.stream().map(Present::observedAt).min(Instant::compareTo).orElseThrow(), share, notes,
                present.stream().anyMatch(Present::carried), best));
    }
}
