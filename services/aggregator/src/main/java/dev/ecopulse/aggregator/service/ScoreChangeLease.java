package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.config.ScoreChangesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The lease that makes one aggregator replica the publisher of score changes. Every replica renews or tries to take
 * it on a schedule; the holder publishes while its lease lasts. A holder stops publishing a margin before its lease
 * would run out unrenewed (the store unreachable, a long pause), so another replica never publishes while it still
 * does unless their clocks differ by more than that margin. Each time this replica gains the lease a new term begins:
 * whatever it remembers of the published scores may be stale by then and is reloaded.
 */
@ApplicationScoped
public class ScoreChangeLease {

    private static final Logger LOG = Logger.getLogger(ScoreChangeLease.class);
    public static final String NAME = "score-changes";

    /** What a renewal changed for this replica. */
    public enum Change { GAINED, KEPT, LOST, NONE }

    private final LeaseStore store;
    private final String replica;
    private final Duration duration;
    private final Duration margin;
    private final Clock clock;

    /** Until when this replica holds the lease (null: not), its term, and the holder last seen in the store. */
    private record State(Instant heldUntil, long term, String holder) {
    }

    // written by renew() and release() under this; read without a lock, so readiness never waits for the store
    private volatile State state = new State(null, 0, null);
    // guarded by this: released at shutdown, never taken again by this process
    private boolean released;

    @Inject
    ScoreChangeLease(LeaseStore store, ScoreChangesConfig config) {
        this(store, config.replicaId().orElseGet(ScoreChangeLease::defaultReplicaId), config.leaseDuration(),
                Clock.systemUTC());
    }

    /** A lease of {@code replica} in {@code store}, lasting {@code duration} on {@code clock}. */
    public ScoreChangeLease(LeaseStore store, String replica, Duration duration, Clock clock) {
        this.store = store;
        this.replica = replica;
        this.duration = duration;
        this.margin = duration.dividedBy(5);
        this.clock = clock;
    }

    /** Renews the lease, or takes it if it is free or expired. */
    public synchronized Change renew() {
        if (released) {
            return Change.NONE;
        }
        Instant now = clock.instant();
        State was = state;
        LeaseStore.Lease lease;
        try {
            lease = store.acquire(NAME, replica, now, now.plus(duration));
        } catch (RuntimeException e) {
            LOG.warnf("Cannot renew the score-change lease (%s)%s", e.getMessage(), was.heldUntil() == null ? ""
                    : "; publishing stops at " + was.heldUntil().minus(margin) + " unless renewed");
            return Change.NONE;
        }
        if (replica.equals(lease.holder())) {
            boolean kept = was.heldUntil() != null && now.isBefore(was.heldUntil().minus(margin));
            // counted from before the write: never later than the stored expiry
            long term = kept ? was.term() : was.term() + 1;
            state = new State(now.plus(duration), term, lease.holder());
            if (kept) {
                return Change.KEPT;
            }
            LOG.infof("Replica %s now publishes score changes (lease %s, until %s)", replica,
                    was.holder() == null || was.holder().equals(replica) ? "taken" : "taken over from " + was.holder(),
                    lease.expiresAt());
            return Change.GAINED;
        }
        state = new State(null, was.term(), lease.holder());
        if (was.heldUntil() != null) {
            LOG.infof("Replica %s stopped publishing score changes: the lease is held by %s until %s", replica,
                    lease.holder(), lease.expiresAt());
            return Change.LOST;
        }
        if (!lease.holder().equals(was.holder())) {
            LOG.infof("Score changes are published by replica %s (lease until %s); replica %s stands by",
                    lease.holder(), lease.expiresAt(), replica);
        }
        return Change.NONE;
    }

    /** The current term while this replica may publish, else empty. */
    public Optional<Long> heldTerm() {
        State s = state;
        return s.heldUntil() != null && clock.instant().isBefore(s.heldUntil().minus(margin)) ? Optional.of(s.term())
                : Optional.empty();
    }

    public boolean held() {
        return heldTerm().isPresent();
    }

    /** The holder as last seen in the store (this replica or another), or null before the first look. */
    public String holder() {
        return state.holder();
    }

    public String replica() {
        return replica;
    }

    /**
     * Gives the lease up for good (at shutdown), so another replica publishes at its next renewal instead of after
     * the expiry.
     */
    public synchronized void release() {
        released = true;
        State was = state;
        if (was.heldUntil() == null) {
            return;
        }
        state = new State(null, was.term(), was.holder());
        try {
            store.release(NAME, replica);
            LOG.infof("Replica %s released the score-change lease", replica);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot release the score-change lease (%s); it expires by itself", e.getMessage());
        }
    }

    private static String defaultReplicaId() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "aggregator";
            }
        });
        return host + ":" + ProcessHandle.current().pid();
    }
}
