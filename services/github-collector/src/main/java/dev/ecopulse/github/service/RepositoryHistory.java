package dev.ecopulse.github.service;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.contract.event.SeriesObservation.Signals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dated flows one run reads of one repository: the commits of each 30-day window and the publication dates of
 * its releases, with what could not be read. It becomes a series event after the observation; only complete counts
 * become flows, anything else is named in {@code missing}.
 */
final class RepositoryHistory {

    /** Stargazers per page of {@code GET /repos/{o}/{r}/stargazers}, and the pages GitHub serves at most. */
    static final int STARGAZERS_PER_PAGE = 100;
    static final int STARGAZER_PAGES = 400;

    private final CollectionTarget target;
    private final SeriesWindows windows;
    private final boolean backfill;
    private final Long[] commits;
    private final String[] commitGaps;
    private ReleaseTally releases;
    private String releasesGap;
    private String releasesStop;
    private LocalDate createdOn;
    private Long stars;
    private Instant observedAt;
    /** Something this run failed to read that another run may read: a backfill is then not settled. */
    private boolean lost;

    RepositoryHistory(CollectionTarget target, SeriesWindows windows, boolean backfill) {
        this.target = target;
        this.windows = windows;
        this.backfill = backfill;
        this.commits = new Long[windows.count()];
        this.commitGaps = new String[windows.count()];
    }

    SeriesWindows windows() {
        return windows;
    }

    boolean backfill() {
        return backfill;
    }

    void observed(Instant at, Long stargazers, Optional<Instant> created) {
        observedAt = at;
        stars = stargazers;
        createdOn = created.map(c -> LocalDate.ofInstant(c, ZoneOffset.UTC)).orElse(null);
    }

    void commits(int window, long count) {
        commits[window] = count;
        commitGaps[window] = null;
    }

    /** Window {@code window}'s count could not be read; the first reason is kept. */
    void missCommits(int window, String reason) {
        if (commits[window] == null && commitGaps[window] == null) {
            commitGaps[window] = reason;
            lost = true;
        }
    }

    void missAllCommits(String reason) {
        for (int k = 0; k < commits.length; k++) {
            missCommits(k, reason);
        }
    }

    /** The commits of windows {@code from} to {@code to} (exclusive) together, when each of them was read. */
    Optional<Long> commitSum(int from, int to) {
        long sum = 0;
        for (int k = from; k < to; k++) {
            if (commits[k] == null) {
                return Optional.empty();
            }
            sum += commits[k];
        }
        return Optional.of(sum);
    }

    /** Why {@link #commitSum} is empty: the first unread window's reason. */
    String commitGap(int from, int to) {
        for (int k = from; k < to; k++) {
            if (commits[k] == null) {
                return commitGaps[k] == null ? SignalsReader.UNREADABLE : commitGaps[k];
            }
        }
        return null;
    }

    /** The release pages read so far; the tally may still grow by further pages. */
    void releases(ReleaseTally tally) {
        releases = tally;
    }

    /** No release could be read: no release flows. */
    void missReleases(String reason) {
        if (releasesGap == null) {
            releasesGap = reason;
        }
        lost = true;
    }

    /**
     * The release pages stopped before reaching the oldest window: windows the pages read cover stay, older ones are
     * missing with the reason. {@code lasting}: a limit that the next run meets again (the page cap), not a failure.
     */
    void releasesStopped(String reason, boolean lasting) {
        releasesStop = reason;
        lost |= !lasting;
    }

    /** The series event, or nothing when no flow could be read (a repository not found, a failed query). */
    Optional<SeriesObservation> toSeries(String runId) {
        List<Flow> flows = new ArrayList<>();
        List<MissingSignal> missing = new ArrayList<>();
        for (int k = windows.count() - 1; k >= 0; k--) {
            if (commits[k] != null) {
                flows.add(new Flow(Signals.COMMITS, windows.from(k), windows.to(k), commits[k]));
            } else if (commitGaps[k] != null) {
                missing.add(new MissingSignal(Signals.COMMITS, window(k) + ": " + commitGaps[k]));
            }
        }
        releaseFlows(flows, missing);
        if (flows.isEmpty() || observedAt == null) {
            return Optional.empty();
        }
        if (backfill) {
            missing.add(new MissingSignal(Signals.STARS, stargazersReason(stars)));
        }
        String origin = backfill && !lost ? SeriesObservation.ORIGIN_BACKFILL : SeriesObservation.ORIGIN_COLLECTION;
        return Optional.of(new SeriesObservation(target.projectId(), ObservationSource.GITHUB.id(),
                target.subject(), observedAt, runId,
                origin, flows, missing));
    }

    /**
     * Non-prerelease releases per window by publication date. A window wholly before the repository was created is
     * left out (nothing could be released), one across its creation starts on that day; a window the pages read do
     * not cover is missing.
     */
    private void releaseFlows(List<Flow> flows, List<MissingSignal> missing) {
        if (releases == null) {
            if (releasesGap != null) {
                missing.add(new MissingSignal(Signals.RELEASES, releasesGap));
            }
            return;
        }
        List<Instant> published = releases.published();
        LocalDate uncoveredUntil = null;
        for (int k = windows.count() - 1; k >= 0; k--) {
            LocalDate from = windows.from(k);
            LocalDate to = windows.to(k);
            if (createdOn != null && !to.isAfter(createdOn)) {
                continue;
            }
            if (createdOn != null && from.isBefore(createdOn)) {
                from = createdOn;
            }
            Instant start = SeriesWindows.startOf(from);
            Instant end = SeriesWindows.startOf(to);
            if (!releases.completeFrom(start)) {
                uncoveredUntil = to;
                continue;
            }
            long count = published.stream().filter(p -> !p.isBefore(start) && p.isBefore(end)).count();
            flows.add(new Flow(Signals.RELEASES, from, to, count));
        }
        if (uncoveredUntil != null) {
            missing.add(new MissingSignal(Signals.RELEASES, "before " + uncoveredUntil + ": "
                    + (releasesStop == null ? "the release pages read end later" : releasesStop)));
        }
    }

    private String window(int k) {
        return "window " + windows.from(k) + " to " + windows.to(k);
    }

    /**
     * Why stargazer history is not read: GitHub restricts the list, and its cost (one request per 100 stars, oldest
     * first, at most 400 pages) grows with the stars; past the cap the recent stars are out of reach.
     */
    static String stargazersReason(Long stars) {
        String restricted = "since 2026-06-30 GitHub lists stargazers only to a repository's admins and"
                + " collaborators";
        if (stars == null) {
            return "stargazer history not collected: " + restricted;
        }
        long requests = (stars + STARGAZERS_PER_PAGE - 1) / STARGAZERS_PER_PAGE;
        if (requests > STARGAZER_PAGES) {
            return "stargazer history exceeds the budget: " + requests + " requests, past the " + STARGAZER_PAGES
                    + " pages GitHub serves (oldest first, so the recent stars are out of reach); and " + restricted;
        }
        return "stargazer history not collected: " + restricted + " (it would take " + requests + " requests)";
    }
}
