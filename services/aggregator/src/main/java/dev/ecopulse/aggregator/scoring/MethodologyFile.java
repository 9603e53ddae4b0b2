package dev.ecopulse.aggregator.scoring;

import java.time.Duration;
import java.util.List;

/** The methodology file as written, before validation: every field may be absent or wrong. */
record MethodologyFile(
        String version,
        String direction,
        String formula,
        Double minimumCoverage,
        Duration staleAfter,
        Integer activeWithinDays,
        List<String> deploymentTopics,
        List<BandEntry> bands,
        List<DimensionEntry> project,
        List<DimensionEntry> framework,
        MomentumEntry momentum,
        ComparisonEntry comparison) {

    record ComparisonEntry(Double maturityTieWithin, Double shareTieWithin) {
    }

    record BandEntry(String name, Double min) {
    }

    record DimensionEntry(String dimension, String description, List<SignalEntry> signals) {
    }

    record SignalEntry(String signal, Double weight, Double floor, Double threshold, String scale) {
    }

    record MomentumEntry(Duration historyTolerance, Double minimumCoverage, SteadyEntry steadyWithin,
            Double growthCap, List<MomentumWeightEntry> signals) {
    }

    record SteadyEntry(Double days30, Double days90) {
    }

    record MomentumWeightEntry(String signal, Double weight) {
    }
}
