package dev.ecopulse.npm.service;

import dev.ecopulse.collector.client.http.Lookup;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.npm.client.downloads.DownloadHistory;
import java.util.Collection;
import org.jboss.logging.Logger;

/**
 * Stops asking the download counts API for the rest of a run once it gave up that many queries in a row to 429s: the
 * packages after that are observed without downloads, each naming why, and the run's errors say it once.
 */
final class DownloadGate {

    private static final Logger LOG = Logger.getLogger(DownloadGate.class);
    static final String SKIPPED = "not asked: api.npmjs.org kept answering 429 earlier in this run";

    private final int limit;
    private final RunContext run;
    private int throttledInARow;

    DownloadGate(int limit, RunContext run) {
        this.limit = Math.max(1, limit);
        this.run = run;
    }

    boolean closed() {
        return throttledInARow >= limit;
    }

    static <T> Lookup<T> skipped() {
        return new Lookup.Failed<>(SKIPPED, true);
    }

    /** Counts one query's outcome (a bulk query's lookups all share it). */
    void record(Collection<Lookup<DownloadHistory>> answers) {
        boolean throttled = !answers.isEmpty() && answers.stream()
                .allMatch(a -> a instanceof Lookup.Failed<DownloadHistory> f && f.throttled());
        throttledInARow = throttled ? throttledInARow + 1 : 0;
        if (throttledInARow == limit) {
            LOG.warnf("api.npmjs.org kept answering 429 for %d queries in a row; the rest of run %s goes without"
                    + " downloads", throttledInARow, run.runId());
            run.error("api.npmjs.org kept answering 429 for " + throttledInARow + " queries in a row; the remaining"
                    + " packages were observed without downloads");
        }
    }
}
