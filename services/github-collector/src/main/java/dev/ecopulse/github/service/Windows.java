package dev.ecopulse.github.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The time windows of the activity signals, counted back from {@code asOf} (whole seconds). */
public record Windows(Instant asOf) {

    public static final Duration QUARTER = Duration.ofDays(90);
    public static final Duration YEAR = Duration.ofDays(365);

    public Windows {
        asOf = asOf.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Start of the last 90 days; end of the 90 days before them. */
    public Instant last90DaysStart() {
        return asOf.minus(QUARTER);
    }

    /** Start of the 90 days before the last 90. */
    public Instant previous90DaysStart() {
        return asOf.minus(QUARTER.multipliedBy(2));
    }

    /** The run's UTC day: the commit and series windows end at its start (00:00Z), so they hold whole days only. */
    public LocalDate day() {
        return LocalDate.ofInstant(asOf, ZoneOffset.UTC);
    }

    /** Start of the commit count's last 90 days: {@code day − 90} at 00:00Z (they end at {@link #dayStart}). */
    public Instant commitsLast90Start() {
        return dayStart().minus(QUARTER);
    }

    /** Start of the commit count's previous 90 days: {@code day − 180} at 00:00Z. */
    public Instant commitsPrevious90Start() {
        return dayStart().minus(QUARTER.multipliedBy(2));
    }

    /** 00:00Z of the run's day. */
    public Instant dayStart() {
        return SeriesWindows.startOf(day());
    }

    public Instant last365DaysStart() {
        return asOf.minus(YEAR);
    }

    /** The GitHub search for issues closed in the last 90 days of {@code repository} ({@code owner/name}). */
    public String closedIssuesQuery(String repository) {
        // GitHub search takes YYYY-MM-DDTHH:MM:SSZ (an offset's "+" would need escaping in REST query strings)
        return "repo:" + repository + " is:issue is:closed closed:>=" + last90DaysStart();
    }
}
