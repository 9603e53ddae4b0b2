package dev.ecopulse.aggregator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ecopulse.aggregator.service.DownloadsCsv;
import dev.ecopulse.aggregator.service.FlowStore;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.catalog.PackageNames;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Momentum v2 against how real ecosystems moved: the real PyPI 30-day downloads of 2018-2023 (hugovk/top-pypi-packages;
 * src/test/resources/real/README.md) imported through the operators' path (the CSV reader into the flow store), scored
 * at every quarter's last snapshot with the shipped methodology, and compared with the real direction of each
 * framework's share read straight from the source. Writes the figures to target/backtest-momentum.md.
 */
class MomentumBacktestTest {

    static final String DATA = "/real/pypi-30d-downloads-2018-2023.csv";
    static final List<String> FRAMEWORKS = List.of("pytorch", "tensorflow", "jax", "keras", "mxnet", "paddlepaddle");
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final Methodology METHODOLOGY = MethodologyLoader.loadDefault();

    /** Quarter's last snapshot → framework → momentum. */
    static final Map<LocalDate, Map<String, Momentum>> MOMENTUM = new TreeMap<>();
    /** Every snapshot from 2018-06 → framework → momentum (for the 30-day band). */
    static final Map<LocalDate, Map<String, Momentum>> MONTHLY = new TreeMap<>();
    static HistorySnapshot history;
    /** Snapshot → package → its downloads of the 30 days before, straight from the source. */
    static final Map<LocalDate, Map<String, Double>> RAW = new TreeMap<>();
    static final Map<String, Project> BY_PACKAGE = new LinkedHashMap<>();

    @BeforeAll
    static void importAndScore() throws IOException {
        FlowStore store = new FlowStore();
        DownloadsCsv.Parsed parsed;
        try (var in = new InputStreamReader(Objects.requireNonNull(
                MomentumBacktestTest.class.getResourceAsStream(DATA)), StandardCharsets.UTF_8)) {
            parsed = DownloadsCsv.read(in, CATALOG, Instant.parse("2026-12-02T00:00:00Z"), "backtest");
        }
        for (SeriesObservation s : parsed.series()) {
            store.add(new SubjectKey(s.projectId(), ObservationSource.PYPI, s.subject()), s.flows());
            s.flows().forEach(f -> RAW.computeIfAbsent(f.to(), d -> new LinkedHashMap<>())
                    .put(s.subject(), (double) f.count()));
        }
        history = HistorySnapshot.of(Map.of(), store.snapshot());
        CATALOG.projects().forEach(p -> p.pypi().forEach(n -> BY_PACKAGE.put(PackageNames.normalise(n), p)));
        for (LocalDate quarterEnd : quarterEnds()) {
            Instant asOf = quarterEnd.atTime(12, 0).toInstant(ZoneOffset.UTC);
            MOMENTUM.put(quarterEnd, MomentumCalculator.evaluate(CATALOG, history, asOf, METHODOLOGY).frameworks());
        }
        for (LocalDate month = LocalDate.parse("2018-06-01"); month.isBefore(CALIBRATION_END);
                month = month.plusMonths(1)) {
            LocalDate end = month;
            LocalDate snapshot = RAW.keySet().stream().filter(d -> !d.isAfter(end)).reduce((a, b) -> b).orElseThrow();
            MONTHLY.put(snapshot, MomentumCalculator.evaluate(CATALOG, history,
                    snapshot.atTime(12, 0).toInstant(ZoneOffset.UTC), METHODOLOGY).frameworks());
        }
    }

    static List<LocalDate> quarterEnds() {
        List<LocalDate> ends = new ArrayList<>();
        for (LocalDate q = LocalDate.parse("2018-06-30"); q.isBefore(LocalDate.parse("2024-01-01"));
                q = q.plusMonths(3).withDayOfMonth(1).plusMonths(1).minusDays(1)) {
            LocalDate end = q;
            RAW.keySet().stream().filter(d -> !d.isAfter(end)).reduce((a, b) -> b).ifPresent(ends::add);
        }
        return ends;
    }

    /**
     * The real log change of a framework's share between the window of {@code days} before {@code end} and the one
     * before it, read straight from the source: the framework's attributed downloads over the snapshots in each window
     * against the catalog's, counting only packages present in every snapshot of both windows (a package below the
     * list's cut-off is unknown, not zero). Null when a window has no snapshot or the framework no package.
     */
    static Double realShareChange(String framework, LocalDate end, int days) {
        List<LocalDate> now = snapshots(end.minusDays(days), end);
        List<LocalDate> before = snapshots(end.minusDays(2L * days), end.minusDays(days));
        if (now.isEmpty() || before.isEmpty()) {
            return null;
        }
        List<LocalDate> all = new ArrayList<>(before);
        all.addAll(now);
        java.util.Set<String> common = new java.util.HashSet<>(RAW.get(all.get(0)).keySet());
        all.forEach(d -> common.retainAll(RAW.get(d).keySet()));
        double share = share(framework, now, common);
        double shareBefore = share(framework, before, common);
        return share > 0 && shareBefore > 0 ? Math.log(share / shareBefore) : null;
    }

    private static List<LocalDate> snapshots(LocalDate after, LocalDate notAfter) {
        return RAW.keySet().stream().filter(d -> d.isAfter(after) && !d.isAfter(notAfter)).toList();
    }

    private static double share(String framework, List<LocalDate> snapshots, java.util.Set<String> packages) {
        double mine = 0;
        double total = 0;
        for (LocalDate d : snapshots) {
            for (String p : packages) {
                double count = RAW.get(d).get(p);
                total += count;
                mine += BY_PACKAGE.get(p).share(framework) * count;
            }
        }
        return mine / total;
    }

    static final LocalDate CALIBRATION_END = LocalDate.parse("2020-12-31");

    /** The median absolute share index (log ratio) over the calibration period's framework-windows. */
    static double medianMove(int days) {
        List<Double> moves = new ArrayList<>();
        Map<LocalDate, Map<String, Momentum>> points = days == 90 ? MOMENTUM : MONTHLY;
        points.forEach((date, byFramework) -> {
            if (!date.isAfter(CALIBRATION_END)) {
                byFramework.values().stream().map(m -> days == 90 ? m.shareIndex90() : m.shareIndex30())
                        .filter(Objects::nonNull).forEach(p -> moves.add(Math.abs(Math.log1p(p / 100))));
            }
        });
        moves.sort(Double::compare);
        int n = moves.size();
        return n % 2 == 1 ? moves.get(n / 2) : (moves.get(n / 2 - 1) + moves.get(n / 2)) / 2;
    }

    /** Real direction by the same band: growing, declining or steady. */
    static String realTrend(double logChange, double band) {
        return logChange > band ? Momentum.GROWING : logChange < -band ? Momentum.DECLINING : Momentum.STEADY;
    }

    /** Share of the framework-quarters with both a label and a real change where the 90-day label agrees. */
    static double agreement(LocalDate from, LocalDate to) {
        int compared = 0;
        int agreed = 0;
        for (var e : MOMENTUM.entrySet()) {
            if (e.getKey().isBefore(from) || e.getKey().isAfter(to)) {
                continue;
            }
            for (String f : FRAMEWORKS) {
                Momentum m = e.getValue().get(f);
                Double real = realShareChange(f, e.getKey(), 90);
                if (m.shareIndex90() == null || real == null) {
                    continue;
                }
                compared++;
                if (m.trend90().equals(realTrend(real, METHODOLOGY.momentum().steadyWithin90()))) {
                    agreed++;
                }
            }
        }
        return compared == 0 ? 0 : (double) agreed / compared;
    }

    @Test
    void theSteadyBandsAreTheMedianMoveOfTheCalibrationPeriod() {
        // 2018-06 to 2020-12: half of the framework-windows moved their share by less than this; later years check it
        assertThat(METHODOLOGY.momentum().steadyWithin30()).isCloseTo(medianMove(30), within(0.005));
        assertThat(METHODOLOGY.momentum().steadyWithin90()).isCloseTo(medianMove(90), within(0.005));
        assertThat(METHODOLOGY.momentum().steadyWithin90()).isGreaterThan(METHODOLOGY.momentum().steadyWithin30());
    }

    @Test
    void theNinetyDayLabelFollowsTheRealShareInNineOfTenFrameworkQuarters() {
        assertThat(agreement(LocalDate.parse("2019-01-01"), LocalDate.parse("2023-12-31"))).isGreaterThanOrEqualTo(0.9);
        // the period the bands were not calibrated on
        assertThat(agreement(LocalDate.parse("2021-01-01"), LocalDate.parse("2023-12-31"))).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void tensorflowsShareFallsWhilePytorchsAndJaxsRiseAndTheLabelsSaySo() {
        assertThat(sumOfShareMoves("tensorflow")).isLessThan(-0.3);
        assertThat(sumOfShareMoves("pytorch")).isGreaterThan(0.3);
        assertThat(sumOfShareMoves("jax")).isGreaterThan(0.3);
        assertThat(labels("tensorflow", Momentum.DECLINING)).isGreaterThan(labels("tensorflow", Momentum.GROWING));
        assertThat(labels("pytorch", Momentum.GROWING)).isGreaterThan(labels("pytorch", Momentum.DECLINING));
        assertThat(labels("jax", Momentum.GROWING)).isGreaterThan(labels("jax", Momentum.DECLINING));
    }

    @Test
    void theSourcesJumpOfMay2021IsNoGrowthForTheLabels() {
        // the quarter holding the jump (about x3 for every package from the May snapshot on): compared with its own
        // past TensorFlow "grew" by more than half in a quarter its share fell
        Map<String, Momentum> june = MOMENTUM.get(LocalDate.parse("2021-06-01"));
        assertThat(june.get("tensorflow").index90()).isGreaterThan(50.0);
        // yet TensorFlow's and Keras' shares fell, and no label says they grew
        assertThat(june.get("tensorflow").shareIndex90()).isNegative();
        assertThat(june.get("tensorflow").trend90()).isNotEqualTo(Momentum.GROWING);
        assertThat(june.get("keras").trend90()).isEqualTo(Momentum.DECLINING);
    }

    @Test
    void anImportedDateIsADayOfHistoryWithSharesAndMomentumButNoMaturity() {
        LocalDate day = LocalDate.parse("2023-12-01");
        assertThat(history.days()).contains(day);
        Evaluation e = Scoring.evaluate(CATALOG, METHODOLOGY, history, day.atTime(23, 59).toInstant(ZoneOffset.UTC));
        ScorePoint point = ScorePoint.of(day, e.frameworks().get("pytorch"));

        assertThat(point.flowShares30().get("downloads")).isBetween(40.0, 80.0);
        assertThat(point.trend90()).isEqualTo(MOMENTUM.get(day).get("pytorch").trend90());
        assertThat(point.shareMomentum90()).isEqualTo(MOMENTUM.get(day).get("pytorch").shareIndex90());
        // no observation of that day: nothing to score maturity on, and the point says so rather than inventing one
        assertThat(point.coverage()).isZero();
    }

    /** The sum of a framework's 90-day share moves (log) over the quarters of 2019-2023. */
    static double sumOfShareMoves(String framework) {
        return MOMENTUM.entrySet().stream().filter(e -> e.getKey().getYear() >= 2019)
                .map(e -> e.getValue().get(framework).shareIndex90()).filter(Objects::nonNull)
                .mapToDouble(p -> Math.log1p(p / 100)).sum();
    }

    static long labels(String framework, String trend) {
        return MOMENTUM.entrySet().stream().filter(e -> e.getKey().getYear() >= 2019)
                .filter(e -> trend.equals(e.getValue().get(framework).trend90())).count();
    }

    @Test
    void writesTheFigures() throws IOException {
        StringBuilder md = new StringBuilder("Calibration 2018-06 to 2020-12: median absolute share move "
                + String.format("%.3f", medianMove(30)) + " (30 days), " + String.format("%.3f", medianMove(90))
                + " (90 days).\n90-day label agreement with the real share: 2019-2023 "
                + String.format("%.1f %%", 100 * agreement(LocalDate.parse("2019-01-01"), LocalDate.parse("2023-12-31")))
                + ", 2021-2023 (not calibrated on) "
                + String.format("%.1f %%", 100 * agreement(LocalDate.parse("2021-01-01"), LocalDate.parse("2023-12-31")))
                + "\n\n| quarter | " + String.join(" | ", FRAMEWORKS) + " |\n|---|" + "---|".repeat(FRAMEWORKS.size())
                + "\n");
        for (var e : MOMENTUM.entrySet()) {
            md.append("| ").append(e.getKey());
            for (String f : FRAMEWORKS) {
                Momentum m = e.getValue().get(f);
                Double real = realShareChange(f, e.getKey(), 90);
                md.append(" | ").append(m.shareIndex90() == null ? m.trend90() : m.trend90() + " "
                        + String.format("%+.1f %%", m.shareIndex90()) + " (real " + (real == null ? "-"
                                : String.format("%+.1f %%", 100 * Math.expm1(real))) + ")");
            }
            md.append(" |\n");
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/backtest-momentum.md"), md);
        assertThat(md).contains("2023-12-01");
    }
}
