package dev.ecopulse.aggregator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ecopulse.aggregator.config.DataNotice;
import dev.ecopulse.aggregator.scoring.Aggregate;
import dev.ecopulse.aggregator.scoring.Direction;
import dev.ecopulse.aggregator.scoring.Level;
import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.aggregator.scoring.Shares;
import java.util.List;
import java.util.Locale;

/**
 * The methodology as served: direction, formula, the rules for missing, stale, not-applicable and shared data, bands,
 * each level's dimensions and signals, shares, ties and momentum; first a notice when the data is sample data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MethodologyView(String dataNotice, String version, String origin, String direction, String formula,
        List<String> rules, double minimumCoverage, String staleAfter, int activeWithinDays,
        List<String> deploymentTopics, List<Band> bands, SpecialBands specialBands, List<Dimension> project,
        List<Dimension> framework, SharesModel shares, Methodology.Comparison ties, MomentumModel momentum) {

    /** How the scores treat data that is missing, stale, not applicable or shared; the same text as docs/scoring.md. */
    static final List<String> RULES = List.of(
            "Not applicable: a signal that cannot apply to a subject (a PyPI signal for a project without a PyPI"
                    + " package, a Maven signal without a Maven artifact) is left out of its score and its coverage,"
                    + " and its explanation says so.",
            "Stale: when the latest observation of a subject lacks a value (a failed or partial collection), the"
                    + " last observation that had it is used and the signal is marked stale with the date it is"
                    + " from; a failed run of an unchanged upstream moves no score and publishes no event.",
            "Missing: a value older than staleAfter before the newest data, or never observed, is missing. A"
                    + " missing signal counts 0, so missing data can only lower a score; range.high says what the"
                    + " score would be with each missing signal at its threshold, and the reason is listed.",
            "Bands: a score whose coverage is below minimumCoverage is in the band 'Insufficient data'; coverage"
                    + " equal to minimumCoverage gets its band.",
            "Attribution: a project shared by several frameworks counts in each framework's sums by the share the"
                    + " catalog gives it (1/k by default); shares of all frameworks add up to 100 %.",
            "Companions: packages installed together (jaxlib with jax) count once, as the larger of them, in"
                    + " downloads and dependents.",
            "Adoption weights: a framework's medians, means, active share and data shares weigh each project by its"
                    + " attribution share times (1 + its 30-day downloads); a project without a download count"
                    + " weighs as much as the framework's median project with one.",
            "Pre-releases are not releases: release counts, days since release and release intervals use final"
                    + " releases; 0.x versions are final releases like any other.");

    /** The flows shares are taken of, and how. */
    public record SharesModel(List<String> measures, String definition) {
    }

    public record Band(String name, double min, double max) {
    }

    public record SpecialBands(String insufficientData, String noData) {
    }

    public record Dimension(String id, String description, double weight, List<Signal> signals) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Signal(String id, String description, String unit, String direction, String scale,
            Double floor, double threshold, double weight, String frameworkAggregate) {
    }

    /**
     * Momentum: flows in fixed windows, growth as a log ratio, trends from the share of the catalog-wide flow within
     * the window's steady band (log ratio), each signal capped at growthCap (log ratio).
     */
    public record MomentumModel(String historyTolerance, double minimumCoverage, double steadyWithin30,
            double steadyWithin90, double growthCap, List<String> rules, List<MomentumSignal> signals) {
    }

    public record MomentumSignal(String id, String basis, String description, double weight) {
    }

    static final List<String> MOMENTUM_RULES = List.of(
            "Flows only: downloads, commits and releases counted over the window; new stars, forks, contributors and"
                    + " dependents as the change of the stock between the window's ends. The size of a stock is"
                    + " never growth.",
            "Fixed windows: the last 30 (90) days against the 30 (90) before, ending on the last day with flows.",
            "Growth is the log ratio ln((now + 1) / (before + 1)): symmetric, so doubling and halving are equal and"
                    + " opposite, and finite when a count falls to or rises from 0; shown as a percent.",
            "A window known on fewer than minimumCoverage of its days (missing days, a package younger than the"
                    + " windows) is left out and says why; above it the count is scaled to the whole window.",
            "Each subject is compared with itself: only subjects with both windows count, in both windows.",
            "Frameworks are compared on the same signals: a signal one framework lacks in a window is left out of"
                    + " every framework's index for that window, and named.",
            "The trend follows the share of the catalog-wide flow (shareIndex): growing or declining when it moves"
                    + " beyond the window's steady band, which whole-catalog jumps (seasonality, an upstream's change"
                    + " of counting) cannot do.");

    static MethodologyView of(Methodology m, DataNotice notice) {
        List<Band> bands = new java.util.ArrayList<>();
        double max = 100;
        for (Methodology.Band b : m.bands()) {
            bands.add(new Band(b.name(), b.min(), max));
            max = b.min();
        }
        return new MethodologyView(notice.text().orElse(null), m.version(), m.origin(), m.direction(), m.formula(),
                RULES, m.minimumCoverage(), m.staleAfter().toString(), m.activeWithinDays(), m.deploymentTopics(),
                bands, new SpecialBands(Methodology.INSUFFICIENT_DATA, Methodology.NO_DATA),
                dimensions(m.model(Level.PROJECT), Level.PROJECT), dimensions(m.model(Level.FRAMEWORK),
                        Level.FRAMEWORK),
                new SharesModel(Shares.MEASURES, "a framework's attributed sum of the measure over its projects, in"
                        + " percent of the sum over all catalog projects (each counted once); starsGained90d is the"
                        + " stars gained in 90 days by stored history; hubModels, topModelsExclusive, questions30d"
                        + " and works365d are observed per framework: its value in percent of the sum over all"
                        + " frameworks (a model or paper of two frameworks counts in both)"),
                m.comparison(),
                new MomentumModel(m.momentum().historyTolerance().toString(), m.momentum().minimumCoverage(),
                        m.momentum().steadyWithin30(), m.momentum().steadyWithin90(), m.momentum().growthCap(),
                        MOMENTUM_RULES, m.momentum().signals().stream().map(w -> new MomentumSignal(
                                w.signal().id(), lower(w.signal().basis().name()), w.signal().description(),
                                w.weight())).toList()));
    }

    private static List<Dimension> dimensions(Methodology.Model model, Level level) {
        return model.dimensions().stream().map(d -> new Dimension(d.id(), d.description(), d.weight(),
                d.signals().stream().map(ws -> new Signal(ws.signal().id(), ws.signal().description(),
                        ws.signal().unit(), ws.signal().direction() == Direction.HIGHER_IS_BETTER ? "higher is better"
                                : "lower is better", lower(ws.scale().name()), ws.floor() > 0 ? ws.floor() : null,
                        ws.threshold(), ws.weight(), level == Level.FRAMEWORK ? aggregate(ws.signal().aggregate())
                                : null)).toList())).toList();
    }

    private static String aggregate(Aggregate aggregate) {
        return switch (aggregate) {
            case SUM -> "sum over the projects, each by its attribution share";
            case MAX -> "maximum over the projects";
            case MEDIAN -> "adoption-weighted median over the projects";
            case MEAN -> "adoption-weighted mean over the projects";
            case ECOSYSTEM -> "computed from facts about the projects";
            case OBSERVED -> "observed for the framework as a whole (its library tags, question tags or search)";
        };
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
