package dev.ecopulse.collector.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.catalog.Project;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {

    static final int PROJECTS = 100_000;

    @Test
    void everyTargetOfTheDefaultCatalogBelongsToExactlyOneShard() {
        List<CollectionTarget> targets = everySubject(CatalogLoader.loadDefault());
        assertThat(targets).hasSizeGreaterThan(100);

        for (int count = 1; count <= 8; count++) {
            assertPartition(targets, count);
        }
    }

    @Test
    void aHundredThousandProjectsSplitIntoBalancedShards() {
        List<CollectionTarget> targets = everySubject(generated(PROJECTS));

        for (int count = 1; count <= 8; count++) {
            int[] sizes = assertPartition(targets, count);
            double even = (double) targets.size() / count;
            assertThat(new Shard(count - 1, count).select(targets)).hasSize(sizes[count - 1]);
            for (int size : sizes) {
                assertThat(Math.abs(size - even) / even).as("shard sizes %s of %d", List.of(sizes), count)
                        .isLessThan(0.03);
            }
        }
    }

    @Test
    void theSplitIsTheSameInEveryJvm() {
        // fixed expectations: a hash that depended on the JVM (String.hashCode of an unstable key, a seed) fails here
        assertThat(IntStream.range(0, 4).map(i -> Shard.of(new CollectionTarget("p", "pkg-" + i), 4)).toArray())
                .containsExactly(1, 0, 1, 1);
        assertThat(Shard.of(new CollectionTarget("jax", "jax-ml/jax"), 3)).isZero();
        assertThat(Shard.of(new CollectionTarget("jax", "jax-ml/jax"), 8)).isEqualTo(6);
        assertThat(Shard.of(new CollectionTarget("numpy", "numpy"), 8)).isEqualTo(2);
    }

    @Test
    void twoProjectsNamingOneSubjectShareAShard() {
        for (int count = 2; count <= 8; count++) {
            assertThat(Shard.of(new CollectionTarget("a", "google/jax"), count))
                    .isEqualTo(Shard.of(new CollectionTarget("b", "Google/JAX"), count));
        }
    }

    @Test
    void oneMoreReplicaMovesOnlyItsShareOfTheSubjects() {
        List<CollectionTarget> targets = everySubject(generated(10_000));
        long moved = targets.stream().filter(t -> Shard.of(t, 4) != Shard.of(t, 5)).count();

        assertThat((double) moved / targets.size()).isBetween(0.17, 0.23);
    }

    @Test
    void oneShardKeepsEveryTargetInOrder() {
        List<CollectionTarget> targets = everySubject(generated(100));

        assertThat(Shard.ALL.select(targets)).isSameAs(targets);
        assertThat(new Shard(1, 3).select(targets)).isSubsetOf(targets)
                .isSortedAccordingTo((a, b) -> Integer.compare(targets.indexOf(a), targets.indexOf(b)));
    }

    @Test
    void anIndexOutsideTheCountIsRefusedWithTheSettingsNamed() {
        assertThatThrownBy(() -> new Shard(4, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ecopulse.collect.shard.index must be from 0 to 3 (ecopulse.collect.shard.count is 4),"
                        + " not 4");
        assertThatThrownBy(() -> new Shard(-1, 2)).hasMessageContaining("not -1");
        assertThatThrownBy(() -> new Shard(0, 0))
                .hasMessage("ecopulse.collect.shard.count must be at least 1, not 0");
    }

    /** Returns the shard sizes after asserting that every target is in exactly one shard. */
    private static int[] assertPartition(List<CollectionTarget> targets, int count) {
        int[] sizes = new int[count];
        int[] shards = new int[targets.size()];
        for (int index = 0; index < count; index++) {
            Shard shard = new Shard(index, count);
            for (int i = 0; i < targets.size(); i++) {
                if (shard.owns(targets.get(i))) {
                    shards[i]++;
                    sizes[index]++;
                }
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            assertThat(shards[i]).as("shards of %s among %d", targets.get(i), count).isEqualTo(1);
        }
        return sizes;
    }

    /**
     * The targets every collector lists: repositories, packages, artifacts and the frameworks' own subjects (once each
     * where a project names one in two ecosystems).
     */
    static List<CollectionTarget> everySubject(Catalog catalog) {
        List<CollectionTarget> targets = new ArrayList<>();
        for (Project p : catalog.projects()) {
            p.githubRepository().ifPresent(repo -> targets.add(new CollectionTarget(p.id(), repo)));
            p.pypi().forEach(name -> targets.add(new CollectionTarget(p.id(), name)));
            p.maven().forEach(coordinate -> targets.add(new CollectionTarget(p.id(), coordinate)));
            p.npm().forEach(name -> targets.add(new CollectionTarget(p.id(), name)));
        }
        for (Framework f : catalog.frameworks()) {
            if (!f.huggingface().isEmpty()) {
                targets.add(new CollectionTarget(f.id(), String.join(",", f.huggingface())));
            }
            if (!f.stackoverflow().isEmpty()) {
                targets.add(new CollectionTarget(f.id(), String.join(";", f.stackoverflow())));
            }
            if (f.research() != null) {
                targets.add(new CollectionTarget(f.id(), f.research()));
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(targets));
    }

    /** {@code projects} projects, each with a repository and a PyPI package. */
    static Catalog generated(int projects) {
        List<Project> list = new ArrayList<>(projects);
        for (int i = 0; i < projects; i++) {
            String name = "project-" + i;
            list.add(new Project(name, name, Map.of("fw", 1.0), true, "owner-" + (i % 997) + "/" + name,
                    List.of(name), List.of(), List.of(), Map.of()));
        }
        return new Catalog("generated", List.of(new Framework("fw", "Framework", "https://example.org")), list);
    }
}
