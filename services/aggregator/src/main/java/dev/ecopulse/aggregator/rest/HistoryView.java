package dev.ecopulse.aggregator.rest;

import dev.ecopulse.aggregator.scoring.ScorePoint;
import java.time.LocalDate;
import java.util.List;

/** A framework's maturity and momentum per UTC day with data, from {@code from} to {@code to}, oldest first. */
public record HistoryView(String framework, LocalDate from, LocalDate to, List<ScorePoint> points) {
}
