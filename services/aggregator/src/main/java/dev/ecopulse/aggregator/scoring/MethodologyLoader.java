package dev.ecopulse.aggregator.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ecopulse.aggregator.scoring.MethodologyFile.BandEntry;
import dev.ecopulse.aggregator.scoring.MethodologyFile.DimensionEntry;
import dev.ecopulse.aggregator.scoring.MethodologyFile.MomentumEntry;
import dev.ecopulse.aggregator.scoring.MethodologyFile.SignalEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the methodology YAML and validates all of it: a file with any wrong entry is refused whole, with every
 * problem named, so the service never scores with half a methodology.
 */
public final class MethodologyLoader {

    /** Class-path location of the methodology shipped with the aggregator. */
    public static final String DEFAULT_RESOURCE = "/ecopulse/methodology.yaml";

    private static final Pattern DIMENSION_ID = Pattern.compile("[a-z][a-zA-Z0-9]{0,31}");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new JavaTimeModule())
            .build();

    private MethodologyLoader() {
    }

    /** The methodology at {@code path} when given, else the shipped default. */
    public static Methodology load(Optional<Path> path) {
        return path.map(MethodologyLoader::load).orElseGet(MethodologyLoader::loadDefault);
    }

    public static Methodology load(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new MethodologyException(path.toString(), List.of("file not found or not a regular file"));
        }
        try (InputStream in = Files.newInputStream(path)) {
            return parse(path.toString(), in);
        } catch (IOException e) {
            throw new MethodologyException(path.toString(), List.of("cannot read: " + e.getMessage()));
        }
    }

    public static Methodology loadDefault() {
        try (InputStream in = MethodologyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default methodology missing from the class path: "
                        + DEFAULT_RESOURCE);
            }
            return parse("classpath:" + DEFAULT_RESOURCE, in);
        } catch (IOException e) {
            throw new MethodologyException("classpath:" + DEFAULT_RESOURCE, List.of("cannot read: " + e.getMessage()));
        }
    }

    /** Parses and validates; throws {@link MethodologyException} naming every problem. */
    public static Methodology parse(String origin, InputStream yaml) {
        MethodologyFile file;
        try {
            file = YAML.readValue(yaml, MethodologyFile.class);
        } catch (JsonProcessingException e) {
            throw new MethodologyException(origin, List.of(describe(e)));
        } catch (IOException e) {
            throw new MethodologyException(origin, List.of("cannot read: " + e.getMessage()));
        }
        if (file == null) {
            throw new MethodologyException(origin, List.of("the file is empty"));
        }
        List<String> problems = new ArrayList<>();
        Methodology methodology = validate(origin, file, problems);
        if (!problems.isEmpty()) {
            throw new MethodologyException(origin, problems);
        }
        return methodology;
    }

    private static Methodology validate(String origin, MethodologyFile f, List<String> problems) {
        if (f.version() == null || f.version().isBlank()) {
            problems.add("'version' is required");
        }
        double minimumCoverage = required(f.minimumCoverage(), "minimumCoverage", problems);
        if (minimumCoverage < 0 || minimumCoverage > 1) {
            problems.add("'minimumCoverage' must be between 0 and 1, got " + minimumCoverage);
        }
        Duration staleAfter = positive(f.staleAfter(), "staleAfter", problems);
        int activeWithinDays = f.activeWithinDays() == null ? 0 : f.activeWithinDays();
        if (activeWithinDays <= 0) {
            problems.add("'activeWithinDays' must be a positive number of days");
        }
        List<String> topics = f.deploymentTopics() == null ? List.of() : f.deploymentTopics();
        if (f.deploymentTopics() == null) {
            problems.add("'deploymentTopics' is required (a list of GitHub topics; may be empty)");
        }
        List<Methodology.Band> bands = bands(f.bands(), problems);
        Methodology.Model project = model(Level.PROJECT, f.project(), problems);
        Methodology.Model framework = model(Level.FRAMEWORK, f.framework(), problems);
        Methodology.MomentumModel momentum = momentum(f.momentum(), problems);
        return new Methodology(f.version(), origin, f.direction(), f.formula(), minimumCoverage, staleAfter,
                activeWithinDays, topics.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(), bands, project,
                framework, momentum, comparison(f.comparison(), problems));
    }

    private static List<Methodology.Band> bands(List<BandEntry> entries, List<String> problems) {
        List<Methodology.Band> bands = new ArrayList<>();
        if (entries == null || entries.isEmpty()) {
            problems.add("'bands' must list at least one band");
            return bands;
        }
        Set<String> names = new HashSet<>();
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < entries.size(); i++) {
            BandEntry b = entries.get(i);
            String where = "bands[" + i + "]";
            if (b.name() == null || b.name().isBlank()) {
                problems.add(where + ": 'name' is required");
            } else if (!names.add(b.name()) || Methodology.INSUFFICIENT_DATA.equals(b.name())
                    || Methodology.NO_DATA.equals(b.name())) {
                problems.add(where + ": band name '" + b.name() + "' is used twice or reserved");
            }
            double min = required(b.min(), where + ".min", problems);
            if (min < 0 || min > 100) {
                problems.add(where + ": 'min' must be between 0 and 100, got " + min);
            }
            if (min >= previous) {
                problems.add(where + ": 'min' " + min + " must be below the previous band's " + previous
                        + " (bands go from the highest down)");
            }
            previous = min;
            bands.add(new Methodology.Band(b.name(), min));
        }
        if (entries.get(entries.size() - 1).min() != null && entries.get(entries.size() - 1).min() != 0) {
            problems.add("the last band must start at 0 so that every score has a band");
        }
        return bands;
    }

    private static Methodology.Model model(Level level, List<DimensionEntry> entries, List<String> problems) {
        String section = level.name().toLowerCase(Locale.ROOT);
        List<Methodology.Dimension> dimensions = new ArrayList<>();
        if (entries == null || entries.isEmpty()) {
            problems.add("'" + section + "' must list at least one dimension");
            return new Methodology.Model(dimensions);
        }
        Set<String> dimensionIds = new HashSet<>();
        Set<Signal> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            DimensionEntry d = entries.get(i);
            String where = section + "[" + i + "]";
            if (d.dimension() == null || !DIMENSION_ID.matcher(d.dimension()).matches()) {
                problems.add(where + ": 'dimension' must be a camelCase id, got '" + d.dimension() + "'");
            } else if (!dimensionIds.add(d.dimension())) {
                problems.add(where + ": dimension '" + d.dimension() + "' is listed twice");
            }
            where = section + "." + d.dimension();
            if (d.signals() == null || d.signals().isEmpty()) {
                problems.add(where + ": a dimension needs at least one signal");
                continue;
            }
            List<Methodology.WeightedSignal> signals = new ArrayList<>();
            for (SignalEntry s : d.signals()) {
                weightedSignal(level, where, s, seen, problems).ifPresent(signals::add);
            }
            dimensions.add(new Methodology.Dimension(d.dimension(), d.description(), signals));
        }
        return new Methodology.Model(dimensions);
    }

    private static Optional<Methodology.WeightedSignal> weightedSignal(Level level, String dimension,
            SignalEntry s, Set<Signal> seen, List<String> problems) {
        Optional<Signal> signal = Signal.fromId(String.valueOf(s.signal()));
        String where = dimension + "." + s.signal();
        if (signal.isEmpty()) {
            problems.add(dimension + ": unknown signal '" + s.signal() + "' (known: "
                    + String.join(", ", java.util.Arrays.stream(Signal.values()).map(Signal::id).toList()) + ")");
            return Optional.empty();
        }
        if (!signal.get().appliesTo(level)) {
            problems.add(where + ": signal '" + s.signal() + "' only applies to frameworks");
        }
        if (!seen.add(signal.get())) {
            problems.add(where + ": signal '" + s.signal() + "' is in more than one place of the "
                    + level.name().toLowerCase(Locale.ROOT) + " model");
        }
        double weight = required(s.weight(), where + ".weight", problems);
        if (!(weight > 0) || Double.isInfinite(weight)) {
            problems.add(where + ": 'weight' must be a positive number, got " + s.weight());
        }
        double threshold = required(s.threshold(), where + ".threshold", problems);
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            problems.add(where + ": 'threshold' must be a positive number, got " + s.threshold());
        }
        Scale scale = Scale.LOG;
        if (s.scale() != null) {
            try {
                scale = Scale.valueOf(s.scale().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": 'scale' must be log or linear, got '" + s.scale() + "'");
            }
        }
        double floor = s.floor() == null ? 0 : s.floor();
        if (!(floor >= 0) || threshold > 0 && floor >= threshold) {
            problems.add(where + ": 'floor' must be at least 0 and below the threshold, got " + s.floor());
        } else if (floor > 0 && scale != Scale.LOG) {
            problems.add(where + ": 'floor' only applies to the log scale");
        }
        return Optional.of(new Methodology.WeightedSignal(signal.get(), weight, floor, threshold, scale));
    }

    /** Optional: without it, scores and shares within 1 point of each other are tied. */
    private static Methodology.Comparison comparison(MethodologyFile.ComparisonEntry c, List<String> problems) {
        double maturity = c == null || c.maturityTieWithin() == null ? 1.0 : c.maturityTieWithin();
        double share = c == null || c.shareTieWithin() == null ? 1.0 : c.shareTieWithin();
        if (!(maturity >= 0) || !(share >= 0) || Double.isInfinite(maturity) || Double.isInfinite(share)) {
            problems.add("'comparison.maturityTieWithin' and 'comparison.shareTieWithin' must be numbers of points"
                    + " of at least 0, got " + maturity + " and " + share);
        }
        return new Methodology.Comparison(maturity, share);
    }

    private static Methodology.MomentumModel momentum(MomentumEntry m, List<String> problems) {
        if (m == null) {
            problems.add("'momentum' is required");
            return new Methodology.MomentumModel(Duration.ofDays(1), 1, 0, 0, 1, List.of());
        }
        Duration tolerance = positive(m.historyTolerance(), "momentum.historyTolerance", problems);
        double coverage = required(m.minimumCoverage(), "momentum.minimumCoverage", problems);
        if (!(coverage > 0 && coverage <= 1)) {
            problems.add("'momentum.minimumCoverage' must be above 0 and at most 1, got " + coverage);
        }
        double steady30 = 0;
        double steady90 = 0;
        if (m.steadyWithin() == null) {
            problems.add("'momentum.steadyWithin' is required: {days30: <log ratio>, days90: <log ratio>}");
        } else {
            steady30 = required(m.steadyWithin().days30(), "momentum.steadyWithin.days30", problems);
            steady90 = required(m.steadyWithin().days90(), "momentum.steadyWithin.days90", problems);
            if (steady30 < 0 || steady90 < 0) {
                problems.add("'momentum.steadyWithin' bands must not be negative, got " + steady30 + " and "
                        + steady90);
            }
        }
        double cap = required(m.growthCap(), "momentum.growthCap", problems);
        if (!(cap > 0)) {
            problems.add("'momentum.growthCap' must be positive, got " + cap);
        }
        List<Methodology.MomentumWeight> weights = new ArrayList<>();
        Set<MomentumSignal> seen = new HashSet<>();
        if (m.signals() == null || m.signals().isEmpty()) {
            problems.add("'momentum.signals' must list at least one signal");
        } else {
            for (MethodologyFile.MomentumWeightEntry e : m.signals()) {
                Optional<MomentumSignal> signal = MomentumSignal.fromId(String.valueOf(e.signal()));
                if (signal.isEmpty()) {
                    problems.add("momentum: unknown signal '" + e.signal() + "' (known: " + String.join(", ",
                            java.util.Arrays.stream(MomentumSignal.values()).map(MomentumSignal::id).toList())
                            + ")");
                    continue;
                }
                if (!seen.add(signal.get())) {
                    problems.add("momentum." + e.signal() + ": listed twice");
                }
                double weight = required(e.weight(), "momentum." + e.signal() + ".weight", problems);
                if (!(weight > 0) || Double.isInfinite(weight)) {
                    problems.add("momentum." + e.signal() + ": 'weight' must be a positive number, got "
                            + e.weight());
                }
                weights.add(new Methodology.MomentumWeight(signal.get(), weight));
            }
        }
        return new Methodology.MomentumModel(tolerance, coverage, steady30, steady90, cap, weights);
    }

    private static double required(Double value, String name, List<String> problems) {
        if (value == null) {
            problems.add("'" + name + "' is required");
            return 0;
        }
        return value;
    }

    private static Duration positive(Duration value, String name, List<String> problems) {
        if (value == null || value.isZero() || value.isNegative()) {
            problems.add("'" + name + "' must be a positive ISO-8601 duration such as P14D");
            return Duration.ofDays(1);
        }
        return value;
    }

    private static String describe(JsonProcessingException e) {
        String line = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return line + "unknown key '" + unknown.getPropertyName() + "' (known: " + String.join(", ",
                    unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()) + ")";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            return line + "'" + path + "': " + e.getOriginalMessage();
        }
        return line + e.getOriginalMessage();
    }
}
