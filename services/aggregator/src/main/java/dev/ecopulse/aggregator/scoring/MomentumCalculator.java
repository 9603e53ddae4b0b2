package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.aggregator.scoring.Momentum.Growth;
import dev.ecopulse.aggregator.scoring.Momentum.Window;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.MavenObservation;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.PypiObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Momentum of projects (from their subjects' observations and stored history) and of frameworks (sums over their
 * projects). Series signals compare two upstream windows of the latest observation; history signals compare the
 * latest observation with the stored one from 30 or 90 days before it. Pure.
 */
public final class MomentumCalculator {

    static final Duration DAYS_30 = Duration.ofDays(30);
    static final Duration DAYS_90 = Duration.ofDays(90);

    private MomentumCalculator() {
    }

    public static Momentum project(ProjectInputs in, HistorySnapshot history, Methodology methodology) {
        List<Growth> growths = new ArrayList<>();
        for (Methodology.MomentumWeight w : methodology.momentum().signals()) {
            MomentumSignal s = w.signal();
            Window d30;
            Window d90;
            switch (s) {
                case DOWNLOADS -> {
                    d30 = series(in, ObservationSource.PYPI, "pypistats", p -> ((PypiObservation) p).pypistats() == null
                            ? null : new Double[] {num(((PypiObservation) p).pypistats().last30Days()),
                                    num(((PypiObservation) p).pypistats().previous30Days())});
                    d90 = series(in, ObservationSource.PYPI, "pypistats", p -> ((PypiObservation) p).pypistats() == null
                            ? null : new Double[] {num(((PypiObservation) p).pypistats().last90Days()),
                                    num(((PypiObservation) p).pypistats().previous90Days())});
                }
                case COMMITS -> {
                    d30 = Window.without(Momentum.UNAVAILABLE, "GitHub gives commit counts for 90-day windows only");
                    d90 = series(in, ObservationSource.GITHUB, "commitsLast90Days",
                            g -> new Double[] {num(((GithubObservation) g).commitsLast90Days()),
                                    num(((GithubObservation) g).commitsPrevious90Days())});
                }
                default -> {
                    d30 = history(in, history, methodology, s, DAYS_30);
                    d90 = history(in, history, methodology, s, DAYS_90);
                }
            }
            growths.add(new Growth(s.id(), s.basis().name().toLowerCase(Locale.ROOT), w.weight(), d30, d90));
        }
        return summarise(growths, methodology);
    }

    /** A framework's momentum: per signal and window, the sums over the projects whose window had data. */
    public static Momentum framework(List<Momentum> projects, Methodology methodology) {
        List<Growth> growths = new ArrayList<>();
        List<Methodology.MomentumWeight> weights = methodology.momentum().signals();
        for (int i = 0; i < weights.size(); i++) {
            int index = i;
            MomentumSignal s = weights.get(i).signal();
            Window d30 = sum(projects.stream().map(p -> p.signals().get(index).days30()).toList());
            Window d90 = sum(projects.stream().map(p -> p.signals().get(index).days90()).toList());
            growths.add(new Growth(s.id(), s.basis().name().toLowerCase(Locale.ROOT), weights.get(i).weight(), d30,
                    d90));
        }
        return summarise(growths, methodology);
    }

    private static Window sum(List<Window> windows) {
        double now = 0;
        double before = 0;
        Instant nowAt = null;
        Instant beforeAt = null;
        int ok = 0;
        for (Window w : windows) {
            if (Momentum.OK.equals(w.status())) {
                ok++;
                now += w.now();
                before += w.before();
                nowAt = nowAt == null || w.nowObservedAt().isAfter(nowAt) ? w.nowObservedAt() : nowAt;
                beforeAt = beforeAt == null || w.beforeObservedAt().isBefore(beforeAt) ? w.beforeObservedAt()
                        : beforeAt;
            }
        }
        if (ok == 0) {
            boolean waiting = windows.stream().anyMatch(w -> Momentum.NOT_ENOUGH_HISTORY.equals(w.status()));
            List<String> notes = windows.stream().map(Window::note).distinct().toList();
            String why = notes.size() == 1 ? notes.get(0) : null;
            return waiting ? Window.without(Momentum.NOT_ENOUGH_HISTORY, "no project has enough history yet")
                    : Window.without(Momentum.UNAVAILABLE, why != null ? why : "no project has data for it");
        }
        return window(now, before, nowAt, beforeAt, "from " + ok + " of " + windows.size() + " projects");
    }

    private static Window series(ProjectInputs in, ObservationSource source, String field,
            Function<Observation, Double[]> pair) {
        double now = 0;
        double before = 0;
        Instant at = null;
        int ok = 0;
        List<String> reasons = new ArrayList<>();
        for (ProjectInputs.Input i : in.of(source)) {
            if (i.point().isEmpty() || i.point().get().payload().status() == SubjectStatus.NOT_FOUND) {
                reasons.add(i.point().isEmpty() ? "no observation of " + i.key().label() + " yet"
                        : i.key().label() + " was not found upstream");
                continue;
            }
            Observation o = i.point().get().payload();
            Double[] values = pair.apply(o);
            if (values == null || values[0] == null || values[1] == null) {
                reasons.add(i.key().label() + ": " + o.missing().stream()
                        .filter(m -> m.signal().startsWith(field) || field.startsWith(m.signal()))
                        .map(m -> m.signal() + " missing (" + m.reason() + ")").findFirst()
                        .orElse("the series is not in the observation"));
                continue;
            }
            ok++;
            now += values[0];
            before += values[1];
            at = at == null || o.observedAt().isBefore(at) ? o.observedAt() : at;
        }
        if (ok == 0) {
            return Window.without(Momentum.UNAVAILABLE, reasons.isEmpty()
                    ? "no " + source.id() + " subject in the catalog" : String.join("; ", reasons));
        }
        return window(now, before, at, at, "upstream series" + (reasons.isEmpty() ? ""
                : "; partial: " + String.join("; ", reasons)));
    }

    private static Window history(ProjectInputs in, HistorySnapshot history, Methodology methodology,
            MomentumSignal signal, Duration span) {
        double now = 0;
        double before = 0;
        Instant nowAt = null;
        Instant beforeAt = null;
        int ok = 0;
        Instant readyAt = null;
        for (ProjectInputs.Input i : in.inputs()) {
            if (i.point().isEmpty()) {
                continue;
            }
            Double value = level(signal, i.point().get().payload());
            if (value == null) {
                continue;
            }
            Instant anchor = i.point().get().observedAt();
            Instant start = anchor.minus(span);
            Optional<ObservedPoint> base = history.atOrBefore(i.key(), start)
                    .filter(b -> !b.observedAt().isBefore(start.minus(methodology.momentum().historyTolerance())))
                    .filter(b -> level(signal, b.payload()) != null);
            if (base.isEmpty()) {
                Instant ready = history.first(i.key()).map(f -> f.observedAt().plus(span)).orElse(anchor.plus(span));
                readyAt = readyAt == null || ready.isBefore(readyAt) ? ready : readyAt;
                continue;
            }
            ok++;
            now += value;
            before += level(signal, base.get().payload());
            nowAt = nowAt == null || anchor.isAfter(nowAt) ? anchor : nowAt;
            beforeAt = beforeAt == null || base.get().observedAt().isBefore(beforeAt) ? base.get().observedAt()
                    : beforeAt;
        }
        if (ok > 0) {
            return window(now, before, nowAt, beforeAt, "stored history");
        }
        if (readyAt != null) {
            return Window.without(Momentum.NOT_ENOUGH_HISTORY, "not enough history yet: " + span.toDays()
                    + "-day growth needs an observation from " + span.toDays() + " days before the latest one;"
                    + " expected from " + HistorySnapshot.day(readyAt));
        }
        return Window.without(Momentum.UNAVAILABLE, "no observation has " + signal.id());
    }

    /** The level of a history signal in one observation, or null when the observation does not have it. */
    static Double level(MomentumSignal signal, Observation o) {
        if (o.status() == SubjectStatus.NOT_FOUND) {
            return null;
        }
        return switch (signal) {
            case STARS -> o instanceof GithubObservation g ? num(g.stars()) : null;
            case FORKS -> o instanceof GithubObservation g ? num(g.forks()) : null;
            case CONTRIBUTORS -> o instanceof GithubObservation g ? num(g.contributors()) : null;
            case DEPENDENTS -> o instanceof PypiObservation p ? (p.depsdev() == null ? null : num(p.depsdev().direct()))
                    : o instanceof MavenObservation m ? (m.depsdev() == null ? null : num(m.depsdev().direct())) : null;
            case RELEASES -> o instanceof GithubObservation g ? num(g.releasesLast365Days())
                    : o instanceof PypiObservation p ? (p.pypi() == null ? null : num(p.pypi().releasesLast365Days()))
                    : o instanceof MavenObservation m ? (m.search() == null ? null
                            : num(m.search().releasesLast365Days())) : null;
            case DOWNLOADS, COMMITS -> null;
        };
    }

    private static Window window(double now, double before, Instant nowAt, Instant beforeAt, String note) {
        Double growth;
        if (before == 0) {
            growth = now == 0 ? 0.0 : null;
            if (growth == null) {
                note = note + "; grew from 0, so no percentage";
            }
        } else {
            growth = MaturityScorer.round(100 * (now - before) / before, 2);
        }
        return new Window(Momentum.OK, now, before, nowAt, beforeAt, growth, note);
    }

    private static Momentum summarise(List<Growth> growths, Methodology methodology) {
        Double index30 = index(growths, Growth::days30, methodology);
        Double index90 = index(growths, Growth::days90, methodology);
        return new Momentum(index30, index90, trend(index30, growths, Growth::days30, methodology),
                trend(index90, growths, Growth::days90, methodology), growths);
    }

    /** Weighted mean of the windows' growths, each capped at +/- growthCap; null when no window has one. */
    private static Double index(List<Growth> growths, Function<Growth, Window> window, Methodology methodology) {
        double cap = methodology.momentum().growthCap() * 100;
        double sum = 0;
        double weights = 0;
        for (Growth g : growths) {
            Window w = window.apply(g);
            if (Momentum.OK.equals(w.status()) && w.growthPercent() != null) {
                sum += g.weight() * Math.max(-cap, Math.min(cap, w.growthPercent()));
                weights += g.weight();
            }
        }
        return weights == 0 ? null : MaturityScorer.round(sum / weights, 2);
    }

    private static String trend(Double index, List<Growth> growths, Function<Growth, Window> window,
            Methodology methodology) {
        if (index == null) {
            boolean waiting = growths.stream().map(window)
                    .anyMatch(w -> Momentum.NOT_ENOUGH_HISTORY.equals(w.status()));
            return waiting ? Momentum.NOT_ENOUGH_HISTORY : Momentum.UNAVAILABLE;
        }
        double steady = methodology.momentum().steadyWithin() * 100;
        return index > steady ? Momentum.GROWING : index < -steady ? Momentum.DECLINING : Momentum.STEADY;
    }

    private static Double num(Number n) {
        return n == null ? null : n.doubleValue();
    }
}
