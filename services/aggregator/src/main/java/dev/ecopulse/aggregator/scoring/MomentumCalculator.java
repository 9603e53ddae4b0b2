package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.aggregator.scoring.Momentum.Growth;
import dev.ecopulse.aggregator.scoring.Momentum.Window;
import dev.ecopulse.aggregator.scoring.SubjectWindows.Pair;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.ObservationSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Momentum of every project and framework, from flows in fixed windows: the last 30 (90) days against the 30 (90)
 * before, growth as a log ratio (symmetric: doubling and halving are equal and opposite), and the change of each
 * subject's share of the catalog-wide flow, which the trend follows. Frameworks are compared on the same signals: a
 * signal one of them lacks in a window is left out of every framework's index for that window, and named. Pure.
 */
public final class MomentumCalculator {

    /** The windows, in days. */
    public static final List<Integer> WINDOWS = List.of(30, 90);

    private MomentumCalculator() {
    }

    /** Momentum by project id and by framework id. */
    public record Result(Map<String, Momentum> projects, Map<String, Momentum> frameworks) {
    }

    /** A project's or framework's counts over one window pair, before shares are known. */
    private record Flow(String status, Double now, Double before, LocalDate end, String note) {

        boolean usable() {
            return Momentum.OK.equals(status);
        }
    }

    /** A finished window with the unrounded log ratios the indexes are taken of. */
    private record Calc(Window window, Double logRatio, Double shareLogRatio) {
    }

    /**
     * Each subject's windows end at its own newest data at or before {@code asOf} (current scores are asked as of the
     * end of time); a subject far behind the newest of the same signal is stale.
     */
    public static Result evaluate(Catalog catalog, HistorySnapshot history, Instant asOf, Methodology methodology) {
        Methodology.MomentumModel model = methodology.momentum();
        List<Methodology.MomentumWeight> signals = model.signals();
        // [signal][window] → subject id → calc
        Map<String, List<List<Calc>>> projects = new LinkedHashMap<>();
        Map<String, List<List<Calc>>> frameworks = new LinkedHashMap<>();
        catalog.projects().forEach(p -> projects.put(p.id(), empty(signals.size())));
        catalog.frameworks().forEach(f -> frameworks.put(f.id(), empty(signals.size())));
        for (int s = 0; s < signals.size(); s++) {
            MomentumSignal signal = signals.get(s).signal();
            for (int days : WINDOWS) {
                Map<String, List<Pair>> pairs = new LinkedHashMap<>();
                catalog.projects().forEach(p -> pairs.put(p.id(), subjects(p, signal).stream()
                        .map(k -> SubjectWindows.of(k, signal, history, asOf, days, model)).toList()));
                Optional<LocalDate> newest = pairs.values().stream().flatMap(List::stream).filter(Pair::usable)
                        .map(Pair::end).max(LocalDate::compareTo);
                Map<String, Flow> flows = new LinkedHashMap<>();
                for (Project p : catalog.projects()) {
                    List<Pair> fresh = newest.map(n -> pairs.get(p.id()).stream()
                            .map(pair -> pair.staleAgainst(n, model.historyTolerance().toDays())).toList())
                            .orElse(pairs.get(p.id()));
                    flows.put(p.id(), project(p, signal, fresh));
                }
                Map<String, Flow> own = ownFlows(catalog, signal, history, asOf, days, model);
                List<Flow> all = new ArrayList<>(flows.values());
                all.addAll(own.values());
                double totalNow = all.stream().filter(Flow::usable).mapToDouble(Flow::now).sum();
                double totalBefore = all.stream().filter(Flow::usable).mapToDouble(Flow::before).sum();
                for (Project p : catalog.projects()) {
                    projects.get(p.id()).get(s).add(calc(flows.get(p.id()), totalNow, totalBefore));
                }
                for (Framework f : catalog.frameworks()) {
                    Flow flow = signal.frameworkLevel() ? own.get(f.id()) : framework(catalog, f, flows);
                    frameworks.get(f.id()).get(s).add(calc(flow, totalNow, totalBefore));
                }
            }
        }
        Map<String, Momentum> projectMomentum = new LinkedHashMap<>();
        projects.forEach((id, calcs) -> projectMomentum.put(id, summarise(calcs, signals, model)));
        Map<String, Momentum> frameworkMomentum = new LinkedHashMap<>();
        compareOnCommonSignals(frameworks, signals)
                .forEach((id, calcs) -> frameworkMomentum.put(id, summarise(calcs, signals, model)));
        return new Result(projectMomentum, frameworkMomentum);
    }

    private static List<List<Calc>> empty(int signals) {
        List<List<Calc>> list = new ArrayList<>();
        for (int i = 0; i < signals; i++) {
            list.add(new ArrayList<>());
        }
        return list;
    }

    /**
     * The flows of a framework-level signal, from each framework's own subject (its tags or search), with the same
     * staleness rule as project flows; empty for a project-level signal.
     */
    private static Map<String, Flow> ownFlows(Catalog catalog, MomentumSignal signal, HistorySnapshot history,
            Instant asOf, int days, Methodology.MomentumModel model) {
        Map<String, Flow> own = new LinkedHashMap<>();
        if (!signal.frameworkLevel()) {
            return own;
        }
        Map<String, List<Pair>> pairs = new LinkedHashMap<>();
        for (Framework f : catalog.frameworks()) {
            pairs.put(f.id(), FrameworkInputs.subjects(f).stream().filter(k -> k.source() == source(signal))
                    .map(k -> SubjectWindows.of(k, signal, history, asOf, days, model)).toList());
        }
        Optional<LocalDate> newest = pairs.values().stream().flatMap(List::stream).filter(Pair::usable)
                .map(Pair::end).max(LocalDate::compareTo);
        pairs.forEach((id, list) -> own.put(id, subjectsFlow(newest.map(n -> list.stream()
                .map(pair -> pair.staleAgainst(n, model.historyTolerance().toDays())).toList()).orElse(list),
                signal, SubjectKey::label)));
        return own;
    }

    private static ObservationSource source(MomentumSignal signal) {
        return switch (signal) {
            case QUESTIONS -> ObservationSource.STACKEXCHANGE;
            case MODELS -> ObservationSource.HUGGINGFACE;
            case WORKS -> ObservationSource.RESEARCH;
            default -> throw new IllegalArgumentException(signal + " is not a framework-level signal");
        };
    }

    /** The subjects a signal is read from. */
    private static List<SubjectKey> subjects(Project p, MomentumSignal signal) {
        return ProjectInputs.subjects(p).stream().filter(k -> switch (signal) {
            case DOWNLOADS -> k.source() == ObservationSource.PYPI;
            case NPM_DOWNLOADS -> k.source() == ObservationSource.NPM;
            case COMMITS, STARS, FORKS, CONTRIBUTORS -> k.source() == ObservationSource.GITHUB;
            case DEPENDENTS -> k.source() == ObservationSource.PYPI || k.source() == ObservationSource.MAVEN;
            case RELEASES -> true;
            case QUESTIONS, MODELS, WORKS -> false;
        }).toList();
    }

    /**
     * Subjects that count the same things once: a release shows up on every registry of a project, so they form one
     * group; companion packages (installed together) form one group for downloads and dependents. A group counts as
     * its member with the most.
     */
    private static String group(Project p, MomentumSignal signal, SubjectKey key) {
        return switch (signal) {
            case RELEASES -> "releases";
            case DOWNLOADS, NPM_DOWNLOADS, DEPENDENTS ->
                    key.source().id() + ":" + p.companionOf(key.subject()).orElse(key.subject());
            default -> key.label();
        };
    }

    private static Flow project(Project p, MomentumSignal signal, List<Pair> pairs) {
        return subjectsFlow(pairs, signal, k -> group(p, signal, k));
    }

    /** The flow of one project's or framework's subjects; subjects of one {@code group} count as the one with most. */
    private static Flow subjectsFlow(List<Pair> pairs, MomentumSignal signal, Function<SubjectKey, String> group) {
        if (pairs.isEmpty()) {
            return new Flow(Momentum.NOT_APPLICABLE, null, null, null, "no subject has " + signal.id());
        }
        Map<String, Pair> best = new LinkedHashMap<>();
        List<Pair> unusable = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Pair pair : pairs) {
            SubjectKey k = pair.key();
            if (!pair.usable()) {
                unusable.add(pair);
                continue;
            }
            if (pair.note() != null) {
                notes.add(pair.note());
            }
            best.merge(group.apply(k), pair, (a, b) -> b.now() > a.now() ? b : a);
        }
        if (best.isEmpty()) {
            String status = unusable.stream().map(Pair::status).anyMatch(Momentum.NOT_ENOUGH_HISTORY::equals)
                    ? Momentum.NOT_ENOUGH_HISTORY
                    : unusable.stream().map(Pair::status).anyMatch(Momentum.INCOMPLETE::equals) ? Momentum.INCOMPLETE
                            : Momentum.UNAVAILABLE;
            return new Flow(status, null, null, null,
                    String.join("; ", unusable.stream().map(Pair::note).distinct().toList()));
        }
        unusable.forEach(u -> notes.add("left out: " + u.note()));
        double now = best.values().stream().mapToDouble(Pair::now).sum();
        double before = best.values().stream().mapToDouble(Pair::before).sum();
        LocalDate end = best.values().stream().map(Pair::end).max(LocalDate::compareTo).orElseThrow();
        return new Flow(Momentum.OK, now, before, end, notes.isEmpty() ? null : String.join("; ", notes));
    }

    /** A framework's flow: its projects' flows by attribution, over the projects that have both windows. */
    private static Flow framework(Catalog catalog, Framework f, Map<String, Flow> flows) {
        double now = 0;
        double before = 0;
        LocalDate end = null;
        int used = 0;
        List<Project> members = catalog.projectsOf(f.id());
        List<String> leftOut = new ArrayList<>();
        List<Flow> unusable = new ArrayList<>();
        for (Project p : members) {
            Flow flow = flows.get(p.id());
            if (Momentum.NOT_APPLICABLE.equals(flow.status())) {
                continue;
            }
            if (!flow.usable()) {
                unusable.add(flow);
                leftOut.add(p.id());
                continue;
            }
            double share = p.share(f.id());
            now += share * flow.now();
            before += share * flow.before();
            end = end == null || flow.end().isAfter(end) ? flow.end() : end;
            used++;
        }
        if (used == 0) {
            if (unusable.isEmpty()) {
                return new Flow(Momentum.NOT_APPLICABLE, null, null, null, "no project of the framework has it");
            }
            String status = unusable.stream().map(Flow::status).anyMatch(Momentum.NOT_ENOUGH_HISTORY::equals)
                    ? Momentum.NOT_ENOUGH_HISTORY
                    : unusable.stream().map(Flow::status).anyMatch(Momentum.INCOMPLETE::equals) ? Momentum.INCOMPLETE
                            : Momentum.UNAVAILABLE;
            return new Flow(status, null, null, null, "no project has both windows: " + String.join("; ",
                    unusable.stream().map(Flow::note).filter(Objects::nonNull).distinct().limit(3).toList()));
        }
        return new Flow(Momentum.OK, now, before, end, "from " + used + " of " + (used + leftOut.size())
                + " projects" + (leftOut.isEmpty() ? "" : "; left out (without both windows): "
                        + String.join(", ", leftOut)));
    }

    private static Calc calc(Flow flow, double totalNow, double totalBefore) {
        if (!flow.usable()) {
            return new Calc(Window.without(flow.status(), flow.note()), null, null);
        }
        double logRatio = logRatio(flow.now(), flow.before());
        String note = flow.note();
        Double share = null;
        Double shareBefore = null;
        Double shareLogRatio = null;
        if (totalNow > 0 && totalBefore > 0) {
            share = flow.now() / totalNow;
            shareBefore = flow.before() / totalBefore;
            // the share's log ratio is the subject's growth less the catalog's, with the same pseudo-count
            shareLogRatio = logRatio - logRatio(totalNow, totalBefore);
        } else {
            note = (note == null ? "" : note + "; ") + "no share: the whole catalog counted 0 in "
                    + (totalNow > 0 ? "the window before" : "this window");
        }
        Window w = new Window(Momentum.OK, round(flow.now()), round(flow.before()), flow.end(),
                round(100 * Math.expm1(logRatio)), MaturityScorer.round(logRatio, 4),
                share == null ? null : round(100 * share),
                shareBefore == null ? null : round(100 * shareBefore),
                share == null ? null : round(100 * (share - shareBefore)), true, note);
        return new Calc(w, logRatio, shareLogRatio);
    }

    /**
     * ln((now + 1) / (before + 1)): the log ratio with a pseudo-count of one event, so that a fall to 0 or a rise from
     * 0 stays finite (sparse counts such as releases have zeros) while large flows are unchanged.
     */
    static double logRatio(double now, double before) {
        return Math.log1p(now) - Math.log1p(before);
    }

    /**
     * Per window, the signals every framework compared has (a framework with no signal at all in the window is not
     * compared); the others stay visible but are left out of every framework's index, and say so.
     */
    private static Map<String, List<List<Calc>>> compareOnCommonSignals(Map<String, List<List<Calc>>> frameworks,
            List<Methodology.MomentumWeight> signals) {
        for (int w = 0; w < WINDOWS.size(); w++) {
            int window = w;
            List<String> compared = frameworks.entrySet().stream().filter(e -> e.getValue().stream()
                    .anyMatch(calcs -> countable(calcs.get(window)))).map(Map.Entry::getKey).toList();
            for (int s = 0; s < signals.size(); s++) {
                int signal = s;
                List<String> lacking = compared.stream()
                        .filter(id -> !countable(frameworks.get(id).get(signal).get(window))).toList();
                if (lacking.isEmpty()) {
                    continue;
                }
                String why = lacking.size() == compared.size() ? "left out of the index: no framework has it with a"
                        + " share in this window" : "left out of the index: " + String.join(", ", lacking) + " lack"
                        + (lacking.size() == 1 ? "s" : "") + " it in this window";
                for (List<List<Calc>> calcs : frameworks.values()) {
                    Calc c = calcs.get(signal).get(window);
                    calcs.get(signal).set(window, new Calc(c.window().leftOut(why), null, null));
                }
            }
        }
        return frameworks;
    }

    private static boolean countable(Calc c) {
        return c.window().inIndex() && c.logRatio() != null && c.shareLogRatio() != null;
    }

    private static Momentum summarise(List<List<Calc>> calcs, List<Methodology.MomentumWeight> signals,
            Methodology.MomentumModel model) {
        List<Growth> growths = new ArrayList<>();
        for (int s = 0; s < signals.size(); s++) {
            MomentumSignal signal = signals.get(s).signal();
            growths.add(new Growth(signal.id(), signal.basis().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    signals.get(s).weight(), calcs.get(s).get(0).window(), calcs.get(s).get(1).window()));
        }
        Double own30 = index(calcs, signals, 0, Calc::logRatio, model);
        Double own90 = index(calcs, signals, 1, Calc::logRatio, model);
        Double share30 = index(calcs, signals, 0, Calc::shareLogRatio, model);
        Double share90 = index(calcs, signals, 1, Calc::shareLogRatio, model);
        return new Momentum(percent(own30), percent(own90), percent(share30), percent(share90),
                trend(share30, model.steadyWithin30(), calcs, 0), trend(share90, model.steadyWithin90(), calcs, 1),
                growths);
    }

    /** Weighted mean of the counted windows' log ratios, each capped at +/- growthCap; null when none counts. */
    private static Double index(List<List<Calc>> calcs, List<Methodology.MomentumWeight> signals, int window,
            Function<Calc, Double> ratio, Methodology.MomentumModel model) {
        double sum = 0;
        double weights = 0;
        for (int s = 0; s < signals.size(); s++) {
            Calc c = calcs.get(s).get(window);
            if (Boolean.TRUE.equals(c.window().inIndex()) && ratio.apply(c) != null) {
                double capped = Math.max(-model.growthCap(), Math.min(model.growthCap(), ratio.apply(c)));
                sum += signals.get(s).weight() * capped;
                weights += signals.get(s).weight();
            }
        }
        return weights == 0 ? null : sum / weights;
    }

    private static Double percent(Double logRatio) {
        return logRatio == null ? null : round(100 * Math.expm1(logRatio));
    }

    private static String trend(Double shareLogRatio, double band, List<List<Calc>> calcs, int window) {
        if (shareLogRatio == null) {
            List<String> statuses = calcs.stream().map(c -> c.get(window).window().status()).toList();
            return statuses.contains(Momentum.NOT_ENOUGH_HISTORY) ? Momentum.NOT_ENOUGH_HISTORY
                    : statuses.contains(Momentum.INCOMPLETE) ? Momentum.INCOMPLETE : Momentum.UNAVAILABLE;
        }
        return shareLogRatio > band ? Momentum.GROWING : shareLogRatio < -band ? Momentum.DECLINING : Momentum.STEADY;
    }

    private static double round(double value) {
        return MaturityScorer.round(value, 2);
    }
}
