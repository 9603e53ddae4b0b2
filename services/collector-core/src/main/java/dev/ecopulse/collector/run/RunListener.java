package dev.ecopulse.collector.run;

import java.util.List;

/** Told when a run starts and ends, on the run's thread: e.g. caches sized by the run's targets and kept on disk. */
public interface RunListener {

    /** Before the collector sees the run; {@code targets} are this replica's. */
    default void starting(List<CollectionTarget> targets) {
    }

    /** After the run ended, whatever its state. */
    default void finished(RunStatus run) {
    }
}
