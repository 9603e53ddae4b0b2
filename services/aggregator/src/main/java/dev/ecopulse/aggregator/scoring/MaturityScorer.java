package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.aggregator.scoring.MaturityScore.DimensionScore;
import dev.ecopulse.aggregator.scoring.MaturityScore.Gap;
import dev.ecopulse.aggregator.scoring.MaturityScore.SignalScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a set of signals with a level's model. A signal that cannot apply to the subject is left out of the score
 * and of the coverage. A missing signal counts 0 in the score, so missing data can only lower it, never raise it;
 * coverage says how much of the applicable weight had data, the range says how far the missing and partial signals
 * could move the score up, and each one is listed with its reason. Pure.
 */
public final class MaturityScorer {

    public static final String OK = "ok";
    public static final String NOT_APPLICABLE = "not applicable";

    private MaturityScorer() {
    }

    public static MaturityScore score(SignalSet signals, Methodology.Model model, Methodology methodology) {
        List<Methodology.WeightedSignal> applicable = model.signals().filter(ws -> signals.applies(ws.signal()))
                .toList();
        double totalWeight = applicable.stream().mapToDouble(Methodology.WeightedSignal::weight).sum();
        double coveredWeight = 0;
        double bestSum = 0;
        Map<Signal, Double> exact = new EnumMap<>(Signal.class);
        for (Methodology.WeightedSignal ws : applicable) {
            Reading r = signals.readings().get(ws.signal());
            if (r == null) {
                bestSum += ws.weight();
                continue;
            }
            double n = normalise(r.value(), ws);
            coveredWeight += ws.weight() * r.share();
            exact.put(ws.signal(), 100 * ws.weight() * n / totalWeight);
            bestSum += ws.weight() * (r.best() != null ? normalise(r.best(), ws) : r.share() < 1 ? 1 : n);
        }
        List<Gap> gaps = gaps(signals, model);
        if (exact.isEmpty()) {
            return new MaturityScore(null, Methodology.NO_DATA, 0, new MaturityScore.Range(0, 100),
                    dimensions(signals, model, Map.of(), totalWeight), gaps);
        }
        double coverage = round(coveredWeight / totalWeight, 4);
        Map<Signal, Long> cents = apportion(exact, model);
        double maturity = cents.values().stream().mapToLong(Long::longValue).sum() / 100.0;
        String band = coverage < methodology.minimumCoverage() ? Methodology.INSUFFICIENT_DATA
                : methodology.band(maturity);
        MaturityScore.Range range = new MaturityScore.Range(maturity,
                Math.max(maturity, round(100 * bestSum / totalWeight, 2)));
        return new MaturityScore(maturity, band, coverage, range, dimensions(signals, model, cents, totalWeight),
                gaps);
    }

    private static double normalise(double value, Methodology.WeightedSignal ws) {
        return ws.normalise(value);
    }

    /**
     * Rounds each contribution to hundredths so that they add up exactly to the rounded score (largest remainder
     * first), so that no one finds a breakdown that does not match the score.
     */
    private static Map<Signal, Long> apportion(Map<Signal, Double> exact, Methodology.Model model) {
        double total = exact.values().stream().mapToDouble(Double::doubleValue).sum();
        long target = Math.round(total * 100);
        Map<Signal, Long> cents = new EnumMap<>(Signal.class);
        long floorSum = 0;
        for (Map.Entry<Signal, Double> e : exact.entrySet()) {
            long floor = (long) Math.floor(e.getValue() * 100);
            cents.put(e.getKey(), floor);
            floorSum += floor;
        }
        List<Signal> order = model.signals().map(Methodology.WeightedSignal::signal).filter(exact::containsKey)
                .sorted(Comparator.comparingDouble((Signal s) -> -(exact.get(s) * 100 - cents.get(s)))).toList();
        for (int i = 0; i < target - floorSum && i < order.size(); i++) {
            cents.merge(order.get(i), 1L, Long::sum);
        }
        return cents;
    }

    private static List<DimensionScore> dimensions(SignalSet signals, Methodology.Model model,
            Map<Signal, Long> cents, double totalWeight) {
        List<DimensionScore> dimensions = new ArrayList<>();
        for (Methodology.Dimension d : model.dimensions()) {
            List<SignalScore> scores = new ArrayList<>();
            double dimApplicable = 0;
            double dimSum = 0;
            double dimCovered = 0;
            long dimCents = 0;
            for (Methodology.WeightedSignal ws : d.signals()) {
                scores.add(signalScore(signals, ws, cents));
                if (!signals.applies(ws.signal())) {
                    continue;
                }
                dimApplicable += ws.weight();
                Reading r = signals.readings().get(ws.signal());
                if (r != null) {
                    dimSum += ws.weight() * normalise(r.value(), ws);
                    dimCovered += ws.weight() * r.share();
                    dimCents += cents.getOrDefault(ws.signal(), 0L);
                }
            }
            boolean any = d.signals().stream().anyMatch(ws -> signals.readings().containsKey(ws.signal()));
            dimensions.add(new DimensionScore(d.id(), d.description(),
                    any && dimApplicable > 0 ? round(100 * dimSum / dimApplicable, 2) : null, dimApplicable,
                    dimCents / 100.0, dimApplicable == 0 ? 0 : round(dimCovered / dimApplicable, 4), scores));
        }
        return dimensions;
    }

    private static SignalScore signalScore(SignalSet signals, Methodology.WeightedSignal ws, Map<Signal, Long> cents) {
        String scale = ws.scale().name().toLowerCase(Locale.ROOT);
        String direction = ws.signal().direction() == Direction.HIGHER_IS_BETTER ? "higher is better"
                : "lower is better";
        if (!signals.applies(ws.signal())) {
            return new SignalScore(ws.signal().id(), ws.signal().unit(), direction, null, List.of(), null,
                    ws.threshold(), scale, null, ws.weight(), null, 0, NOT_APPLICABLE,
                    signals.notApplicable().get(ws.signal()));
        }
        Reading r = signals.readings().get(ws.signal());
        if (r == null) {
            return new SignalScore(ws.signal().id(), ws.signal().unit(), direction, null, List.of(), null,
                    ws.threshold(), scale, null, ws.weight(), 0.0, 0, Gap.MISSING,
                    signals.missing().get(ws.signal()) + "; counts 0 until it is observed again");
        }
        String status = r.stale() ? Gap.STALE : r.share() < 1 ? Gap.PARTIAL : OK;
        return new SignalScore(ws.signal().id(), ws.signal().unit(), direction, round(r.value(), 4), r.sources(),
                r.observedAt(), ws.threshold(), scale, round(normalise(r.value(), ws), 4), ws.weight(),
                cents.getOrDefault(ws.signal(), 0L) / 100.0, round(r.share(), 4), status,
                r.notes().isEmpty() ? null : String.join("; ", r.notes()));
    }

    private static List<Gap> gaps(SignalSet signals, Methodology.Model model) {
        List<Gap> gaps = new ArrayList<>();
        for (Methodology.WeightedSignal ws : model.signals().toList()) {
            if (!signals.applies(ws.signal())) {
                continue;
            }
            Reading r = signals.readings().get(ws.signal());
            if (r == null) {
                gaps.add(new Gap(ws.signal().id(), Gap.MISSING, signals.missing().get(ws.signal())));
                continue;
            }
            if (r.share() < 1) {
                gaps.add(new Gap(ws.signal().id(), Gap.PARTIAL, "from " + Math.round(r.share() * 100)
                        + " % of the expected data: " + String.join("; ", r.notes())));
            }
            if (r.stale()) {
                gaps.add(new Gap(ws.signal().id(), Gap.STALE,
                        String.join("; ", r.notes().stream().filter(n -> n.contains("carried forward")).toList())));
            }
        }
        return gaps;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
