package dev.ecopulse.aggregator.service;

import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.PackageNames;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads real historical PyPI downloads in the shape {@code snapshot_date,package,downloads_30d[,list_size]} (one row
 * per package and snapshot: the downloads of the 30 days before the snapshot date) into series events of the catalog's
 * packages, one flow per row over {@code [snapshot_date - 30 days, snapshot_date)}. All or nothing: one bad row fails
 * the whole file with its line number. Packages the catalog does not have are skipped and named.
 */
public final class DownloadsCsv {

    /** Days a {@code downloads_30d} value counts. */
    public static final int WINDOW_DAYS = 30;
    static final int MAX_ROWS = 200_000;

    private DownloadsCsv() {
    }

    /** The series to store and the packages skipped because the catalog does not have them. */
    public record Parsed(List<SeriesObservation> series, int rows, List<String> skippedPackages) {
    }

    /** A row that cannot be read, with its line number. */
    public static final class InvalidCsvException extends RuntimeException {
        public InvalidCsvException(String message) {
            super(message);
        }
    }

    public static Parsed read(Reader in, Catalog catalog, Instant importedAt, String runId) throws IOException {
        Map<String, String> projectOfPackage = new LinkedHashMap<>();
        for (Project p : catalog.projects()) {
            p.pypi().forEach(name -> projectOfPackage.put(PackageNames.normalise(name), p.id()));
        }
        BufferedReader lines = new BufferedReader(in);
        String header = lines.readLine();
        if (header == null) {
            throw new InvalidCsvException("the file is empty; expected the header snapshot_date,package,downloads_30d");
        }
        List<String> columns = List.of(header.strip().split(",", -1));
        if (columns.size() < 3 || !columns.subList(0, 3).equals(List.of("snapshot_date", "package", "downloads_30d"))) {
            throw new InvalidCsvException("line 1: expected the header snapshot_date,package,downloads_30d"
                    + " (list_size may follow), found '" + header.strip() + "'");
        }
        Map<String, List<Flow>> flows = new LinkedHashMap<>();
        Map<String, LocalDate> seen = new LinkedHashMap<>();
        TreeSet<String> skipped = new TreeSet<>();
        int rows = 0;
        int lineNo = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (++rows > MAX_ROWS) {
                throw new InvalidCsvException("more than " + MAX_ROWS + " rows; split the file");
            }
            String[] cells = line.strip().split(",", -1);
            if (cells.length != columns.size()) {
                throw new InvalidCsvException("line " + lineNo + ": expected " + columns.size() + " cells, found "
                        + cells.length);
            }
            LocalDate date;
            long downloads;
            try {
                date = LocalDate.parse(cells[0]);
                downloads = Long.parseLong(cells[2]);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new InvalidCsvException("line " + lineNo + ": snapshot_date must be a date (YYYY-MM-DD) and"
                        + " downloads_30d a whole number: '" + line.strip() + "'");
            }
            if (downloads < 0) {
                throw new InvalidCsvException("line " + lineNo + ": downloads_30d is negative");
            }
            String name = PackageNames.normalise(cells[1]);
            String project = projectOfPackage.get(name);
            if (project == null) {
                skipped.add(name);
                continue;
            }
            if (date.equals(seen.put(name + "|" + date, date))) {
                throw new InvalidCsvException("line " + lineNo + ": " + name + " has two rows for " + date);
            }
            flows.computeIfAbsent(name, n -> new ArrayList<>()).add(new Flow(SeriesObservation.Signals.DOWNLOADS,
                    date.minusDays(WINDOW_DAYS), date, downloads));
        }
        List<SeriesObservation> series = new ArrayList<>();
        flows.forEach((name, list) -> series.add(new SeriesObservation(projectOfPackage.get(name), "pypi", name,
                importedAt, runId, SeriesObservation.ORIGIN_IMPORT, list, List.of())));
        return new Parsed(series, rows, List.copyOf(skipped));
    }
}
