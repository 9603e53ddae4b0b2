package dev.ecopulse.aggregator.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.aggregator.service.ScoreChangeLease.Change;
import dev.ecopulse.testsupport.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreChangeLeaseTest {

    private static final Duration DURATION = Duration.ofSeconds(30);

    /** The store's guarded update, in memory; {@code down} makes every call fail as an unreachable store would. */
    static final class MemoryLeases implements LeaseStore {
        final Map<String, Lease> leases = new HashMap<>();
        boolean down;

        @Override
        public synchronized Lease acquire(String name, String holder, Instant now, Instant until) {
            if (down) {
                throw new IllegalStateException("store unreachable");
            }
            Lease current = leases.get(name);
            if (current == null || current.holder().equals(holder) || current.expiresAt().isBefore(now)) {
                leases.put(name, new Lease(holder, until));
            }
            return leases.get(name);
        }

        @Override
        public synchronized void release(String name, String holder) {
            leases.computeIfPresent(name, (n, l) -> l.holder().equals(holder) ? new Lease(holder, Instant.EPOCH) : l);
        }
    }

    private final MemoryLeases store = new MemoryLeases();
    private final VirtualTime time = new VirtualTime(Instant.parse("2026-12-01T12:00:00Z"));
    private final ScoreChangeLease a = new ScoreChangeLease(store, "a", DURATION, time.clock());
    private final ScoreChangeLease b = new ScoreChangeLease(store, "b", DURATION, time.clock());

    @Test
    void theFirstReplicaTakesTheLeaseAndTheSecondStandsBy() {
        assertThat(a.renew()).isEqualTo(Change.GAINED);
        assertThat(b.renew()).isEqualTo(Change.NONE);
        assertThat(a.held()).isTrue();
        assertThat(b.held()).isFalse();
        assertThat(b.holder()).isEqualTo("a");
    }

    @Test
    void renewingKeepsTheLeaseAndTheTerm() {
        a.renew();
        long term = a.heldTerm().orElseThrow();
        for (int i = 0; i < 10; i++) {
            time.advance(Duration.ofSeconds(10));
            assertThat(a.renew()).isEqualTo(Change.KEPT);
            assertThat(b.renew()).isEqualTo(Change.NONE);
        }
        assertThat(a.heldTerm()).contains(term);
        assertThat(b.held()).isFalse();
    }

    @Test
    void anotherReplicaTakesOverOnlyOnceTheLeaseExpired() {
        a.renew();
        time.advance(DURATION);
        assertThat(b.renew()).as("at the expiry itself").isEqualTo(Change.NONE);
        time.advance(Duration.ofMillis(1));
        assertThat(b.renew()).isEqualTo(Change.GAINED);
        assertThat(b.held()).isTrue();
        assertThat(a.held()).isFalse();
        assertThat(a.renew()).isEqualTo(Change.LOST);
        assertThat(a.holder()).isEqualTo("b");
    }

    @Test
    void aHolderThatCannotRenewStopsPublishingBeforeItsLeaseExpires() {
        a.renew();
        store.down = true;
        time.advance(Duration.ofSeconds(10));
        assertThat(a.renew()).isEqualTo(Change.NONE);
        assertThat(a.held()).as("well inside the lease").isTrue();
        time.advance(Duration.ofSeconds(14));
        assertThat(a.held()).as("less than a fifth of the lease left").isFalse();
        store.down = false;
        time.advance(Duration.ofSeconds(7));
        assertThat(b.renew()).isEqualTo(Change.GAINED);
        // never both at once
        assertThat(a.held()).isFalse();
    }

    @Test
    void regainingTheLeaseAfterAGapStartsANewTermSoThePublishedScoresAreReloaded() {
        a.renew();
        long first = a.heldTerm().orElseThrow();
        store.down = true;
        time.advance(Duration.ofSeconds(25));
        a.renew();
        store.down = false;
        time.advance(Duration.ofSeconds(1));
        assertThat(a.renew()).isEqualTo(Change.GAINED);
        assertThat(a.heldTerm()).hasValueSatisfying(t -> assertThat(t).isGreaterThan(first));
    }

    @Test
    void aReleasedLeaseIsTakenAtTheNextRenewal() {
        a.renew();
        b.renew();
        a.release();
        assertThat(a.held()).isFalse();
        assertThat(b.renew()).isEqualTo(Change.GAINED);
        assertThat(a.renew()).isEqualTo(Change.NONE);
        // released at shutdown: a scheduled renewal that still runs does not take it back
        time.advance(DURATION.multipliedBy(2));
        assertThat(a.renew()).isEqualTo(Change.NONE);
        assertThat(a.held()).isFalse();
    }
}
