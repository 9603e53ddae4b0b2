package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.scoring.MaturityScore;
import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.aggregator.scoring.Shares;
import dev.ecopulse.aggregator.scoring.SubjectScore;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The aggregator's metrics: observations stored, skipped as duplicates and rejected; flows stored and unchanged;
 * ingest and scoring times; and gauges of each framework's maturity, coverage, dimension scores and momentum (NaN
 * while there is no score). Consumer lag is the Kafka client's own {@code kafka_consumer_fetch_manager_records_lag*}.
 */
@ApplicationScoped
public class AggregatorMetrics {

    private final MeterRegistry registry;
    private final ScoreView view;
    private final Catalog catalog;
    private final Methodology methodology;
    private final Timer ingest;
    private final Timer ingestBatch;
    private final Timer scoring;

    private final ObservationHistory history;
    private final FlowStore flows;

    AggregatorMetrics(MeterRegistry registry, ScoreView view, Catalog catalog, Methodology methodology,
            ObservationHistory history, FlowStore flows) {
        this.registry = registry;
        this.history = history;
        this.flows = flows;
        this.view = view;
        this.catalog = catalog;
        this.methodology = methodology;
        this.ingest = Timer.builder("ecopulse.aggregator.ingest")
                .description("Time to validate and store one observation, store waits included (its share of its"
                        + " batch)").register(registry);
        this.ingestBatch = Timer.builder("ecopulse.aggregator.ingest.batch")
                .description("Time to validate and store one batch of observation-topic records, store waits"
                        + " included").register(registry);
        this.scoring = Timer.builder("ecopulse.aggregator.scoring")
                .description("Time to recompute the scores and their daily history after new observations")
                .register(registry);
    }

    void registerGauges(@Observes StartupEvent start) {
        // bounded by the days scoring reads, however many days the store keeps
        Gauge.builder("ecopulse.aggregator.history.points", history, ObservationHistory::size)
                .description("Observation history held in memory: (subject, day) points").register(registry);
        Gauge.builder("ecopulse.aggregator.history.flows", flows, FlowStore::size)
                .description("Flows held in memory: (subject, signal, date range) counts").register(registry);
        for (Framework f : catalog.frameworks()) {
            gauge("ecopulse.aggregator.maturity", f, "Maturity of a framework, 0-100, higher is better",
                    s -> s.maturity().maturity(), null, null);
            gauge("ecopulse.aggregator.coverage", f, "Share of a framework's maturity weight that had data, 0-1",
                    s -> s.maturity().coverage(), null, null);
            for (Methodology.Dimension d : methodology.framework().dimensions()) {
                gauge("ecopulse.aggregator.dimension.score", f, "A framework's score in one maturity dimension",
                        s -> dimension(s.maturity(), d.id()), "dimension", d.id());
            }
            gauge("ecopulse.aggregator.momentum", f, "Momentum index of a framework, growth in percent",
                    s -> s.momentum().index30(), "window", "30d");
            gauge("ecopulse.aggregator.momentum", f, "Momentum index of a framework, growth in percent",
                    s -> s.momentum().index90(), "window", "90d");
            gauge("ecopulse.aggregator.momentum.share", f, "Growth of a framework's share of the catalog-wide flows,"
                    + " in percent of the share; the trend follows it", s -> s.momentum().shareIndex30(), "window", "30d");
            gauge("ecopulse.aggregator.momentum.share", f, "Growth of a framework's share of the catalog-wide flows,"
                    + " in percent of the share; the trend follows it", s -> s.momentum().shareIndex90(), "window", "90d");
            for (String measure : Shares.MEASURES) {
                gauge("ecopulse.aggregator.share", f, "A framework's share of a catalog-wide flow, in percent",
                        s -> s.shares().containsKey(measure) ? s.shares().get(measure).percent() : null, "measure",
                        measure);
            }
        }
    }

    private void gauge(String name, Framework framework, String description, Function<SubjectScore, Double> value,
            String tag, String tagValue) {
        Gauge.Builder<ScoreView> builder = Gauge.builder(name, view, v -> v.state()
                .map(s -> s.current().frameworks().get(framework.id())).map(value)
                .map(Double::doubleValue).orElse(Double.NaN))
                .description(description).tag("framework", framework.id());
        if (tag != null) {
            builder.tag(tag, tagValue);
        }
        builder.register(registry);
    }

    private static Double dimension(MaturityScore score, String id) {
        return score.dimensions().stream().filter(d -> d.id().equals(id)).findFirst()
                .map(MaturityScore.DimensionScore::score).orElse(null);
    }

    /** A batch of {@code observations} validated and stored in {@code nanos}: each counts its share of the time. */
    public void ingested(int observations, long nanos) {
        ingestBatch.record(nanos, TimeUnit.NANOSECONDS);
        for (int i = 0; i < observations; i++) {
            ingest.record(nanos / observations, TimeUnit.NANOSECONDS);
        }
    }

    public Timer scoringTimer() {
        return scoring;
    }

    public void stored(String source) {
        counter("ecopulse.aggregator.observations.stored", "Observations stored (each once)", source).increment();
    }

    public void duplicate(String source) {
        counter("ecopulse.aggregator.observations.duplicates", "Redelivered or re-sent observations skipped",
                source).increment();
    }

    public void rejected(String source) {
        counter("ecopulse.aggregator.observations.rejected", "Invalid observations sent to the dead-letter topic",
                source).increment();
    }

    /** Flows of a series written: new or recounted ranges, and ranges already stored with the same count. */
    public void flows(String origin, int stored, int unchanged) {
        Counter.builder("ecopulse.aggregator.flows.stored")
                .description("Flows (dated counts of series events and imports) stored new or with a new count")
                .tag("origin", origin).register(registry).increment(stored);
        Counter.builder("ecopulse.aggregator.flows.unchanged")
                .description("Flows received again with the count already stored (nothing written)")
                .tag("origin", origin).register(registry).increment(unchanged);
    }

    public void scoreChangePublished(String level) {
        Counter.builder("ecopulse.aggregator.score.changes.published").description("Score changes published")
                .tag("level", level).register(registry).increment();
    }

    private Counter counter(String name, String description, String source) {
        return Counter.builder(name).description(description).tag("source", Optional.ofNullable(source)
                .orElse("unknown")).register(registry);
    }
}
