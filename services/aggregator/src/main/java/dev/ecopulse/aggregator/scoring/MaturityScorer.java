package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.aggregator.scoring.MaturityScore.DimensionScore;
import dev.ecopulse.aggregator.scoring.MaturityScore.Gap;
import dev.ecopulse.aggregator.scoring.MaturityScore.SignalScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a set of signals with a level's model. A missing signal neither counts as zero nor drops out silently: the
 * score rests on the signals with data, coverage says how much of the weight that is, the range says how far the
 * missing ones could move it, and each one is listed with its reason. Pure.
 */
public final class MaturityScorer {

    private MaturityScorer() {
    }

    /**
     * @param dataTime the newest observation behind the evaluation; a reading older than it by more than the
     *                 methodology's {@code staleAfter} is listed as stale (it still counts: it is the last known value)
     */
    public static MaturityScore score(SignalSet signals, Methodology.Model model, Methodology methodology,
            Instant dataTime) {
        double totalWeight = model.totalWeight();
        double availableWeight = 0;
        double weightedSum = 0;
        double coveredWeight = 0;
        double missingWeight = 0;
        Map<Signal, Double> exact = new EnumMap<>(Signal.class);
        for (Methodology.WeightedSignal ws : model.signals().toList()) {
            Reading r = signals.readings().get(ws.signal());
            if (r == null) {
                missingWeight += ws.weight();
                continue;
            }
            double n = Normalisation.normalise(r.value(), ws.threshold(), ws.signal().direction(), ws.scale());
            availableWeight += ws.weight();
            weightedSum += ws.weight() * n;
            coveredWeight += ws.weight() * r.share();
            exact.put(ws.signal(), ws.weight() * n);
        }
        List<Gap> gaps = gaps(signals, model, methodology, dataTime);
        double coverage = round(coveredWeight / totalWeight, 4);
        if (availableWeight == 0) {
            return new MaturityScore(null, Methodology.NO_DATA, 0, new MaturityScore.Range(0, 100),
                    dimensions(signals, model, Map.of(), 0), gaps);
        }
        for (Map.Entry<Signal, Double> e : exact.entrySet()) {
            e.setValue(100 * e.getValue() / availableWeight);
        }
        Map<Signal, Long> cents = apportion(exact, model);
        long scoreCents = cents.values().stream().mapToLong(Long::longValue).sum();
        double maturity = scoreCents / 100.0;
        String band = coverage < methodology.minimumCoverage() ? Methodology.INSUFFICIENT_DATA
                : methodology.band(maturity);
        MaturityScore.Range range = new MaturityScore.Range(round(100 * weightedSum / totalWeight, 2),
                round(100 * (weightedSum + missingWeight) / totalWeight, 2));
        return new MaturityScore(maturity, band, coverage, range, dimensions(signals, model, cents, availableWeight),
                gaps);
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
            Map<Signal, Long> cents, double availableWeight) {
        List<DimensionScore> dimensions = new ArrayList<>();
        for (Methodology.Dimension d : model.dimensions()) {
            List<SignalScore> scores = new ArrayList<>();
            double dimAvailable = 0;
            double dimSum = 0;
            double dimCovered = 0;
            long dimCents = 0;
            for (Methodology.WeightedSignal ws : d.signals()) {
                Reading r = signals.readings().get(ws.signal());
                String scale = ws.scale().name().toLowerCase(Locale.ROOT);
                String direction = ws.signal().direction() == Direction.HIGHER_IS_BETTER ? "higher is better"
                        : "lower is better";
                if (r == null) {
                    scores.add(new SignalScore(ws.signal().id(), ws.signal().unit(), direction, null, List.of(), null,
                            ws.threshold(), scale, null, ws.weight(), null, 0, Gap.MISSING));
                    continue;
                }
                double n = Normalisation.normalise(r.value(), ws.threshold(), ws.signal().direction(), ws.scale());
                dimAvailable += ws.weight();
                dimSum += ws.weight() * n;
                dimCovered += ws.weight() * r.share();
                long c = cents.getOrDefault(ws.signal(), 0L);
                dimCents += c;
                scores.add(new SignalScore(ws.signal().id(), ws.signal().unit(), direction, round(r.value(), 4),
                        r.sources(), r.observedAt(), ws.threshold(), scale, round(n, 4), ws.weight(), c / 100.0,
                        round(r.share(), 4), r.share() < 1 ? Gap.PARTIAL : "ok"));
            }
            dimensions.add(new DimensionScore(d.id(), d.description(),
                    dimAvailable == 0 ? null : round(100 * dimSum / dimAvailable, 2), d.weight(), dimCents / 100.0,
                    round(dimCovered / d.weight(), 4), scores));
        }
        return dimensions;
    }

    private static List<Gap> gaps(SignalSet signals, Methodology.Model model, Methodology methodology,
            Instant dataTime) {
        List<Gap> gaps = new ArrayList<>();
        for (Methodology.WeightedSignal ws : model.signals().toList()) {
            Reading r = signals.readings().get(ws.signal());
            if (r == null) {
                gaps.add(new Gap(ws.signal().id(), Gap.MISSING, signals.missing().get(ws.signal())));
                continue;
            }
            if (r.share() < 1) {
                gaps.add(new Gap(ws.signal().id(), Gap.PARTIAL, "from " + Math.round(r.share() * 100)
                        + " % of the expected data: " + String.join("; ", r.notes())));
            }
            if (dataTime != null && r.observedAt() != null
                    && r.observedAt().isBefore(dataTime.minus(methodology.staleAfter()))) {
                gaps.add(new Gap(ws.signal().id(), Gap.STALE, "last observed " + r.observedAt() + ", more than "
                        + methodology.staleAfter().toDays() + " days before the newest data (" + dataTime + ")"));
            }
        }
        return gaps;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
