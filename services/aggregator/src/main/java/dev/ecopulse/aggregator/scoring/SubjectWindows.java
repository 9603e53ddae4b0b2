package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.aggregator.scoring.FlowSeries.WindowCount;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.HuggingfaceObservation;
import dev.ecopulse.contract.event.MavenObservation;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.PypiObservation;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.contract.event.StackexchangeObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One subject's count of a momentum signal over a window and over the window before it, or why there is none. Both
 * windows come from the same subject at the same end, so a comparison never mixes sets; a window with too few known
 * days is left out, never filled with zeros. Pure.
 */
final class SubjectWindows {

    /** One subject's pair of windows: counts scaled to the full window, or null with the reason in {@code note}. */
    record Pair(SubjectKey key, String status, Double now, Double before, LocalDate end, String note) {

        boolean usable() {
            return Momentum.OK.equals(status);
        }

        static Pair without(SubjectKey key, String status, String note) {
            return new Pair(key, status, null, null, null, note);
        }

        /**
         * Left out when its windows end more than {@code tolerance} days before {@code newest}, the newest end of the
         * same signal in the catalog: its flows stopped, and comparing it would mix periods.
         */
        Pair staleAgainst(LocalDate newest, long tolerance) {
            if (!usable() || !end.isBefore(newest.minusDays(tolerance))) {
                return this;
            }
            return without(key, Momentum.UNAVAILABLE, key.label() + ": its flows end " + end + ", more than "
                    + tolerance + " days before the catalog's newest (" + newest + ")");
        }
    }

    private SubjectWindows() {
    }

    static Pair of(SubjectKey key, MomentumSignal signal, HistorySnapshot history, Instant asOf, int days,
            Methodology.MomentumModel model) {
        Optional<String> flow = signal.flow();
        if (flow.isPresent() && history.flows().has(key, flow.get())) {
            return series(key, flow.get(), history.flows(), asOf, days, model, null);
        }
        if (signal.basis() == MomentumSignal.Basis.SERIES) {
            Optional<ObservedPoint> latest = history.atOrBefore(key, asOf);
            FlowSeries fromObservation = latest.map(p -> observationWindows(key, signal, p)).orElse(FlowSeries.empty());
            if (fromObservation.has(key, flow.orElseThrow())) {
                return series(key, flow.get(), fromObservation, asOf, days, model,
                        "from the latest observation's window totals");
            }
            return Pair.without(key, Momentum.UNAVAILABLE, key.label() + ": no " + flow.get() + " flows yet");
        }
        return stockChange(key, signal, history, asOf, days, model);
    }

    private static Pair series(SubjectKey key, String flow, FlowSeries flows, Instant asOf, int days,
            Methodology.MomentumModel model, String origin) {
        LocalDate limit = HistorySnapshot.day(asOf).plusDays(1);
        Optional<LocalDate> end = flows.latestEnd(key, flow, limit);
        if (end.isEmpty()) {
            return Pair.without(key, Momentum.UNAVAILABLE, key.label() + ": no " + flow + " flows up to "
                    + limit.minusDays(1));
        }
        LocalDate e = end.get();
        WindowCount now = flows.count(key, flow, e.minusDays(days), e);
        WindowCount before = flows.count(key, flow, e.minusDays(2L * days), e.minusDays(days));
        if (now.coverage() < model.minimumCoverage() || before.coverage() < model.minimumCoverage()) {
            LocalDate first = flows.firstDay(key, flow).orElse(e);
            String why = first.isAfter(e.minusDays(2L * days))
                    ? "younger than the windows: its " + flow + " flows start " + first
                    : "known on " + now.coveredDays() + " and " + before.coveredDays() + " of " + days + " days";
            return Pair.without(key, Momentum.INCOMPLETE, key.label() + ": " + why);
        }
        List<String> notes = new ArrayList<>();
        if (origin != null) {
            notes.add(origin);
        }
        if (!now.complete() || !before.complete()) {
            notes.add("scaled from " + now.coveredDays() + " and " + before.coveredDays() + " known days");
        }
        return new Pair(key, Momentum.OK, scaled(now), scaled(before), e,
                notes.isEmpty() ? null : key.label() + ": " + String.join("; ", notes));
    }

    private static double scaled(WindowCount c) {
        return c.complete() ? c.count() : c.count() * c.days() / c.coveredDays();
    }

    private static Pair stockChange(SubjectKey key, MomentumSignal signal, HistorySnapshot history, Instant asOf,
            int days, Methodology.MomentumModel model) {
        Optional<ObservedPoint> latest = history.atOrBefore(key, asOf).filter(p -> level(signal, p.payload()) != null);
        if (latest.isEmpty()) {
            return Pair.without(key, Momentum.UNAVAILABLE, key.label() + ": no observation has " + signal.id());
        }
        Instant t0 = latest.get().observedAt();
        Double l0 = level(signal, latest.get().payload());
        Optional<Double> l1 = levelAt(key, signal, history, t0.minus(Duration.ofDays(days)), model);
        Optional<Double> l2 = levelAt(key, signal, history, t0.minus(Duration.ofDays(2L * days)), model);
        if (l1.isEmpty() || l2.isEmpty()) {
            Instant ready = history.first(key).map(f -> f.observedAt()).orElse(t0).plus(Duration.ofDays(2L * days));
            return Pair.without(key, Momentum.NOT_ENOUGH_HISTORY, key.label() + ": not enough history yet: new "
                    + signal.id() + " over " + days + " days against the " + days + " before need observations from "
                    + 2 * days + " days back; expected from " + HistorySnapshot.day(ready));
        }
        double now = Math.max(0, l0 - l1.get());
        double before = Math.max(0, l1.get() - l2.get());
        return new Pair(key, Momentum.OK, now, before, HistorySnapshot.day(t0).plusDays(1), null);
    }

    private static Optional<Double> levelAt(SubjectKey key, MomentumSignal signal, HistorySnapshot history,
            Instant time, Methodology.MomentumModel model) {
        return history.atOrBefore(key, time)
                .filter(b -> !b.observedAt().isBefore(time.minus(model.historyTolerance())))
                .map(b -> level(signal, b.payload()));
    }

    /** The level of a stock in one observation, or null when the observation does not have it. */
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
            case DOWNLOADS, COMMITS, RELEASES, NPM_DOWNLOADS, QUESTIONS, MODELS, WORKS -> null;
        };
    }

    /**
     * A subject without series events still has the window totals its latest observation carries (pypistats' 30-
     * and 90-day windows, GitHub's 90-day commit windows, Stack Exchange's and the Hub's 30-day windows): read as
     * flows ending on the observation's day. They are
     * less honest than series (the collector adds the days pypistats has; a missing day is not visible), and the
     * note says where they come from.
     */
    private static FlowSeries observationWindows(SubjectKey key, MomentumSignal signal, ObservedPoint point) {
        Observation o = point.payload();
        LocalDate day = HistorySnapshot.day(point.observedAt());
        List<Flow> flows = new ArrayList<>();
        if (o.status() == SubjectStatus.NOT_FOUND) {
            return FlowSeries.empty();
        }
        if (signal == MomentumSignal.DOWNLOADS && o instanceof PypiObservation p && p.pypistats() != null) {
            PypiObservation.Downloads d = p.pypistats();
            add(flows, SeriesObservation.Signals.DOWNLOADS, day, 30, d.last30Days(), d.previous30Days());
            add(flows, SeriesObservation.Signals.DOWNLOADS, day, 90, d.last90Days(), d.previous90Days());
        }
        if (signal == MomentumSignal.QUESTIONS && o instanceof StackexchangeObservation q && q.questions() != null) {
            add(flows, SeriesObservation.Signals.QUESTIONS, day, 30, q.questions().last30Days(),
                    q.questions().previous30Days());
        }
        if (signal == MomentumSignal.MODELS && o instanceof HuggingfaceObservation h && h.models() != null) {
            add(flows, SeriesObservation.Signals.MODELS, day, 30, h.models().createdLast30Days(),
                    h.models().createdPrevious30Days());
        }
        if (signal == MomentumSignal.COMMITS && o instanceof GithubObservation g) {
            add(flows, SeriesObservation.Signals.COMMITS, day.plusDays(1), 90, g.commitsLast90Days(),
                    g.commitsPrevious90Days());
        }
        return flows.isEmpty() ? FlowSeries.empty()
                : FlowSeries.of(Map.of(key, Map.of(flows.get(0).signal(), flows)));
    }

    private static void add(List<Flow> flows, String signal, LocalDate end, int days, Long last, Long previous) {
        if (last != null && previous != null && last >= 0 && previous >= 0) {
            flows.add(new Flow(signal, end.minusDays(days), end, last));
            flows.add(new Flow(signal, end.minusDays(2L * days), end.minusDays(days), previous));
        }
    }

    private static Double num(Number n) {
        return n == null ? null : n.doubleValue();
    }
}
