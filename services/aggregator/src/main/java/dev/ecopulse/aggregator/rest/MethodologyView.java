package dev.ecopulse.aggregator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ecopulse.aggregator.config.DataNotice;
import dev.ecopulse.aggregator.scoring.Aggregate;
import dev.ecopulse.aggregator.scoring.Direction;
import dev.ecopulse.aggregator.scoring.Level;
import dev.ecopulse.aggregator.scoring.Methodology;
import java.util.List;
import java.util.Locale;

/**
 * The methodology as served: direction, formula, bands, each level's dimensions and signals, and momentum; first a
 * notice when the data is sample data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MethodologyView(String dataNotice, String version, String origin, String direction, String formula,
        double minimumCoverage, String staleAfter, int activeWithinDays, List<String> deploymentTopics,
        List<Band> bands, SpecialBands specialBands, List<Dimension> project, List<Dimension> framework,
        MomentumModel momentum) {

    public record Band(String name, double min, double max) {
    }

    public record SpecialBands(String insufficientData, String noData) {
    }

    public record Dimension(String id, String description, double weight, List<Signal> signals) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Signal(String id, String description, String unit, String direction, String scale,
            double threshold, double weight, String frameworkAggregate) {
    }

    public record MomentumModel(String historyTolerance, double steadyWithin, double growthCap,
            List<MomentumSignal> signals) {
    }

    public record MomentumSignal(String id, String basis, String description, double weight) {
    }

    static MethodologyView of(Methodology m, DataNotice notice) {
        List<Band> bands = new java.util.ArrayList<>();
        double max = 100;
        for (Methodology.Band b : m.bands()) {
            bands.add(new Band(b.name(), b.min(), max));
            max = b.min();
        }
        return new MethodologyView(notice.text().orElse(null), m.version(), m.origin(), m.direction(), m.formula(), m.minimumCoverage(),
                m.staleAfter().toString(), m.activeWithinDays(), m.deploymentTopics(), bands,
                new SpecialBands(Methodology.INSUFFICIENT_DATA, Methodology.NO_DATA),
                dimensions(m.model(Level.PROJECT), Level.PROJECT), dimensions(m.model(Level.FRAMEWORK),
                        Level.FRAMEWORK),
                new MomentumModel(m.momentum().historyTolerance().toString(), m.momentum().steadyWithin(),
                        m.momentum().growthCap(), m.momentum().signals().stream().map(w -> new MomentumSignal(
                                w.signal().id(), lower(w.signal().basis().name()), w.signal().description(),
                                w.weight())).toList()));
    }

    private static List<Dimension> dimensions(Methodology.Model model, Level level) {
        return model.dimensions().stream().map(d -> new Dimension(d.id(), d.description(), d.weight(),
                d.signals().stream().map(ws -> new Signal(ws.signal().id(), ws.signal().description(),
                        ws.signal().unit(), ws.signal().direction() == Direction.HIGHER_IS_BETTER ? "higher is better"
                                : "lower is better", lower(ws.scale().name()), ws.threshold(), ws.weight(),
                        level == Level.FRAMEWORK ? (ws.signal().aggregate() == Aggregate.ECOSYSTEM
                                ? "computed from the projects" : lower(ws.signal().aggregate().name())
                                        + " over the projects") : null)).toList())).toList();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
