package dev.ecopulse.aggregator.scoring;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The scoring methodology: bands, the maturity model of each level (dimensions and their weighted, thresholded
 * signals) and the momentum model. Read from one file by {@link MethodologyLoader}, which validates all of it.
 */
public record Methodology(
        String version,
        String origin,
        String direction,
        String formula,
        double minimumCoverage,
        Duration staleAfter,
        int activeWithinDays,
        List<String> deploymentTopics,
        List<Band> bands,
        Model project,
        Model framework,
        MomentumModel momentum,
        Comparison comparison) {

    /** Band of a score whose coverage is below {@link #minimumCoverage()}. */
    public static final String INSUFFICIENT_DATA = "Insufficient data";
    /** Band of a subject with no data at all. */
    public static final String NO_DATA = "No data";

    public Methodology {
        deploymentTopics = List.copyOf(deploymentTopics);
        bands = List.copyOf(bands);
    }

    public Model model(Level level) {
        return level == Level.PROJECT ? project : framework;
    }

    /** The band a score falls in; bands are ordered from the highest minimum down to 0. */
    public String band(double score) {
        return bands.stream().filter(b -> score >= b.min()).findFirst().map(Band::name)
                .orElse(bands.get(bands.size() - 1).name());
    }

    /** A named score range: a score is in the first band (from the top) whose minimum it reaches. */
    public record Band(String name, double min) {
    }

    /** The maturity model of one level: its dimensions in order. */
    public record Model(List<Dimension> dimensions) {

        public Model {
            dimensions = List.copyOf(dimensions);
        }

        public Stream<WeightedSignal> signals() {
            return dimensions.stream().flatMap(d -> d.signals().stream());
        }

        public double totalWeight() {
            return signals().mapToDouble(WeightedSignal::weight).sum();
        }

        public Optional<WeightedSignal> signal(Signal signal) {
            return signals().filter(s -> s.signal() == signal).findFirst();
        }
    }

    /** A group of signals scored together, e.g. adoption; its weight is the sum of its signals' weights. */
    public record Dimension(String id, String description, List<WeightedSignal> signals) {

        public Dimension {
            signals = List.copyOf(signals);
        }

        public double weight() {
            return signals.stream().mapToDouble(WeightedSignal::weight).sum();
        }
    }

    /**
     * A signal with its weight, the threshold where it stops counting more, its scale, and (log scale) the floor at
     * or below which it counts nothing.
     */
    public record WeightedSignal(Signal signal, double weight, double floor, double threshold, Scale scale) {

        public WeightedSignal {
            Objects.requireNonNull(signal);
            Objects.requireNonNull(scale);
        }

        public WeightedSignal(Signal signal, double weight, double threshold, Scale scale) {
            this(signal, weight, 0, threshold, scale);
        }

        /** The raw value as a number between 0 and 1. */
        public double normalise(double raw) {
            return Normalisation.normalise(raw, floor, threshold, signal.direction(), scale);
        }
    }

    /**
     * Momentum: growth of each flow over 30 and 90 days against the window before, combined by weight. A window needs
     * flows on {@code minimumCoverage} of its days (the rest is scaled); a stock's change needs observations no more
     * than {@code historyTolerance} from the window's ends, and flows must end within it of the day scored. The trend
     * is "steady" while the share index (as a log ratio) stays within the window's band; capped at
     * {@code growthCap} (log ratio) per signal.
     */
    public record MomentumModel(Duration historyTolerance, double minimumCoverage, double steadyWithin30,
            double steadyWithin90, double growthCap, List<MomentumWeight> signals) {

        public MomentumModel {
            signals = List.copyOf(signals);
        }
    }

    public record MomentumWeight(MomentumSignal signal, double weight) {
    }

    /**
     * When two frameworks are tied instead of ranked: maturity scores within {@code maturityTieWithin} points (or with
     * overlapping ranges), shares within {@code shareTieWithin} percentage points (widened by missing data).
     */
    public record Comparison(double maturityTieWithin, double shareTieWithin) {
    }
}
