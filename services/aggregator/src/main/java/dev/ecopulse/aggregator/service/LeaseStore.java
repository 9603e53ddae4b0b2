package dev.ecopulse.aggregator.service;

import java.time.Instant;

/** Where the aggregator replicas record who holds a lease: one holder at a time, until the lease expires. */
public interface LeaseStore {

    /** Who holds a lease, and until when. */
    record Lease(String holder, Instant expiresAt) {
    }

    /**
     * Takes or renews lease {@code name} for {@code holder} until {@code until} when nobody holds it, it expired
     * before {@code now}, or {@code holder} holds it already; returns the lease as it stands afterwards.
     */
    Lease acquire(String name, String holder, Instant now, Instant until);

    /** Gives the lease up at once if {@code holder} holds it, so another replica can take it without waiting. */
    void release(String name, String holder);
}
