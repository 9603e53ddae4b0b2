package dev.ecopulse.aggregator.rest;

import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.aggregator.scoring.Share;
import dev.ecopulse.aggregator.scoring.Shares;
import dev.ecopulse.aggregator.service.ScoreQueries.FrameworkEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Orders compared frameworks on each measure, best first, and puts frameworks that lie within each other's
 * uncertainty in one group: tied, not ranked. Frameworks without a value on a measure are left out of its order.
 */
final class Rankings {

    /** One measure's order: each inner list is one place; more than one framework in it means they are tied. */
    public record Ranking(String measure, List<List<String>> order, String tiedWhen) {
    }

    private Rankings() {
    }

    static List<Ranking> of(List<FrameworkEntry> entries, Methodology.Comparison rule) {
        List<Ranking> rankings = new ArrayList<>();
        rankings.add(rank("maturity", entries, e -> e.score().maturity().maturity(),
                (a, b) -> Math.abs(a.score().maturity().maturity() - b.score().maturity().maturity())
                        <= rule.maturityTieWithin() + 1e-9 || overlap(a, b),
                "scores within " + rule.maturityTieWithin() + " points, or ranges that overlap"));
        for (String measure : Shares.MEASURES) {
            rankings.add(rank("share." + measure, entries, e -> percent(e, measure),
                    (a, b) -> Math.abs(percent(a, measure) - percent(b, measure)) <= shareTolerance(a, b, measure,
                            rule),
                    "shares within " + rule.shareTieWithin() + " percentage points, widened by the share of the"
                            + " frameworks' projects without a value"));
        }
        return rankings;
    }

    private static Ranking rank(String measure, List<FrameworkEntry> entries, Function<FrameworkEntry, Double> value,
            BiPredicate<FrameworkEntry, FrameworkEntry> tied, String rule) {
        List<FrameworkEntry> sorted = entries.stream().filter(e -> value.apply(e) != null)
                .sorted(Comparator.comparing(value).reversed()).toList();
        List<List<String>> order = new ArrayList<>();
        FrameworkEntry previous = null;
        for (FrameworkEntry e : sorted) {
            if (previous != null && tied.test(previous, e)) {
                order.get(order.size() - 1).add(e.framework().id());
            } else {
                order.add(new ArrayList<>(List.of(e.framework().id())));
            }
            previous = e;
        }
        return new Ranking(measure, order.stream().map(List::copyOf).toList(), rule);
    }

    private static boolean overlap(FrameworkEntry a, FrameworkEntry b) {
        var ra = a.score().maturity().range();
        var rb = b.score().maturity().range();
        return ra.low() <= rb.high() && rb.low() <= ra.high();
    }

    private static Double percent(FrameworkEntry e, String measure) {
        Share s = e.score().shares().get(measure);
        return s == null ? null : s.percent();
    }

    private static double shareTolerance(FrameworkEntry a, FrameworkEntry b, String measure,
            Methodology.Comparison rule) {
        double missing = 1 - Math.min(a.score().shares().get(measure).dataShare(),
                b.score().shares().get(measure).dataShare());
        return rule.shareTieWithin() + 100 * missing + 1e-9;
    }
}
