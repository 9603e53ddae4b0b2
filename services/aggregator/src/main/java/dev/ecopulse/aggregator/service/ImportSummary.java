package dev.ecopulse.aggregator.service;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import did: data rows (CSV) or lines (NDJSON) read, series and flows taken from them, flows stored new or
 * with a new count, flows already stored as they are, observations read and stored new (NDJSON), CSV packages the
 * catalog does not have (skipped), and the first day whose history is rescored (null when nothing changed).
 */
public record ImportSummary(int rows, int series, int flows, int flowsStored, int flowsUnchanged, int observations,
        int observationsStored, List<String> skippedPackages, LocalDate firstDayAffected) {
}
