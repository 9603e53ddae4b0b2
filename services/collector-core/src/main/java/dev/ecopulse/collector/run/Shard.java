package dev.ecopulse.collector.run;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Replica {@code index} of {@code count} sharing one collector's catalog: each subject belongs to exactly one replica,
 * chosen from a hash of the subject that is the same in every JVM (FNV-1a, then a jump consistent hash, so going from
 * n to n + 1 replicas moves only a 1/(n + 1) share of the subjects and the others keep their cached ETags).
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("ecopulse.collect.shard.count must be at least 1, not " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("ecopulse.collect.shard.index must be from 0 to " + (count - 1)
                    + " (ecopulse.collect.shard.count is " + count + "), not " + index);
        }
    }

    /** The targets this replica collects, in their order. */
    public List<CollectionTarget> select(List<CollectionTarget> targets) {
        return count == 1 ? targets : targets.stream().filter(this::owns).toList();
    }

    public boolean owns(CollectionTarget target) {
        return of(target, count) == index;
    }

    /**
     * The replica of {@code target} among {@code count}. The key is the subject (case-folded), not the project: two
     * projects naming one repository or package land on one replica, which asks the upstream for it once.
     */
    public static int of(CollectionTarget target, int count) {
        return jump(hash(target.subject().toLowerCase(Locale.ROOT)), count);
    }

    /** "2 of 4" (1-based for people), or "all" for a single replica. */
    public String describe() {
        return count == 1 ? "all" : (index + 1) + " of " + count;
    }

    /** FNV-1a (64 bits) over the UTF-8 bytes, then MurmurHash3's finaliser so that similar names spread evenly. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Lamping and Veach, "A Fast, Minimal Memory, Consistent Hash Algorithm" (2014). */
    static int jump(long key, int buckets) {
        long b = -1;
        long j = 0;
        while (j < buckets) {
            b = j;
            key = key * 2862933555777941757L + 1;
            j = (long) ((b + 1) * ((double) (1L << 31) / (double) ((key >>> 33) + 1)));
        }
        return (int) b;
    }
}
