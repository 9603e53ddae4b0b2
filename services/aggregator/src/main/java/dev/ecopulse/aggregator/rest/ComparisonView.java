package dev.ecopulse.aggregator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ecopulse.aggregator.scoring.MaturityScore;
import dev.ecopulse.aggregator.scoring.MaturityScore.DimensionScore;
import dev.ecopulse.aggregator.scoring.MaturityScore.SignalScore;
import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.aggregator.scoring.Share;
import dev.ecopulse.aggregator.service.ScoreQueries.FrameworkEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Frameworks side by side: overall scores, then each dimension and each signal, keyed by framework id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComparisonView(List<String> frameworks, String direction, Map<String, Overall> overall,
        List<Rankings.Ranking> rankings, List<Dimension> dimensions) {

    /** One framework overall: maturity with its range, band, coverage, momentum and its share of each flow. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Overall(String name, Double maturity, MaturityScore.Range range, String band, double coverage,
            MomentumSummary momentum, Map<String, Share> shares) {
    }

    public record Dimension(String id, Map<String, Double> scores, Map<String, Double> contributions,
            List<Signal> signals) {
    }

    public record Signal(String id, String unit, String direction, Map<String, Value> values) {
    }

    /** One framework's value of a signal; absent parts mean the signal is missing for it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Value(Double raw, Double normalised, Double contribution, double dataShare, String status,
            String note) {
    }

    static ComparisonView of(List<FrameworkEntry> entries, Methodology methodology) {
        Map<String, Overall> overall = new LinkedHashMap<>();
        entries.forEach(e -> overall.put(e.framework().id(), new Overall(e.framework().name(),
                e.score().maturity().maturity(), e.score().maturity().range(), e.score().maturity().band(),
                e.score().maturity().coverage(), MomentumSummary.of(e.score().momentum()), e.score().shares())));
        List<Dimension> dimensions = new ArrayList<>();
        for (Methodology.Dimension d : methodology.framework().dimensions()) {
            Map<String, Double> scores = new LinkedHashMap<>();
            Map<String, Double> contributions = new LinkedHashMap<>();
            List<Signal> signals = new ArrayList<>();
            for (FrameworkEntry e : entries) {
                DimensionScore ds = dimension(e.score().maturity(), d.id());
                scores.put(e.framework().id(), ds.score());
                contributions.put(e.framework().id(), ds.contribution());
            }
            for (Methodology.WeightedSignal ws : d.signals()) {
                Map<String, Value> values = new LinkedHashMap<>();
                SignalScore any = null;
                for (FrameworkEntry e : entries) {
                    SignalScore s = dimension(e.score().maturity(), d.id()).signals().stream()
                            .filter(x -> x.signal().equals(ws.signal().id())).findFirst().orElseThrow();
                    any = s;
                    values.put(e.framework().id(), new Value(s.raw(), s.normalised(), s.contribution(),
                            s.dataShare(), s.status(), s.note()));
                }
                signals.add(new Signal(ws.signal().id(), any.unit(), any.direction(), values));
            }
            dimensions.add(new Dimension(d.id(), scores, contributions, signals));
        }
        return new ComparisonView(entries.stream().map(e -> e.framework().id()).toList(), methodology.direction(),
                overall, Rankings.of(entries, methodology.comparison()), dimensions);
    }

    private static DimensionScore dimension(MaturityScore score, String id) {
        return score.dimensions().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }
}
