package dev.ecopulse.collector.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.config.CollectConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackfillLedgerTest {

    static final CollectionTarget OPTAX = new CollectionTarget("optax", "optax");
    static final CollectionTarget CHEX = new CollectionTarget("chex", "chex");

    @TempDir
    Path dir;

    @Test
    void aSubjectBackfilledOnceIsRememberedByTheNextInstanceThroughTheFile() throws Exception {
        Path file = dir.resolve("state/backfilled.txt");
        BackfillLedger before = new BackfillLedger(config(Optional.of(file)));
        assertThat(before.needs(OPTAX)).isTrue();

        before.record(OPTAX);
        before.record(OPTAX);
        BackfillLedger after = new BackfillLedger(config(Optional.of(file)));

        assertThat(after.needs(OPTAX)).isFalse();
        assertThat(after.needs(CHEX)).isTrue();
        assertThat(after.size()).isEqualTo(1);
        assertThat(Files.readAllLines(file)).as("one line per subject").containsExactly("optax optax");
    }

    @Test
    void theSameSubjectInAnotherProjectIsBackfilledOnItsOwn() {
        BackfillLedger ledger = new BackfillLedger(config(Optional.of(dir.resolve("ledger"))));
        ledger.record(OPTAX);

        assertThat(ledger.needs(new CollectionTarget("jax-core", "optax"))).isTrue();
    }

    @Test
    void withoutAFileTheLedgerLastsAsLongAsTheInstance() {
        BackfillLedger ledger = new BackfillLedger(config(Optional.empty()));
        ledger.record(OPTAX);

        assertThat(ledger.needs(OPTAX)).isFalse();
        assertThat(new BackfillLedger(config(Optional.empty())).needs(OPTAX)).isTrue();
        assertThat(dir).isEmptyDirectory();
    }

    static CollectConfig config(Optional<Path> ledger) {
        return new CollectConfig() {
            @Override
            public Duration interval() {
                return Duration.ofHours(6);
            }

            @Override
            public boolean onStart() {
                return false;
            }

            @Override
            public Duration publishTimeout() {
                return Duration.ofSeconds(15);
            }

            @Override
            public Duration bucket() {
                return Duration.ofHours(1);
            }

            @Override
            public Optional<Path> backfillLedger() {
                return ledger;
            }

            @Override
            public int history() {
                return 20;
            }

            @Override
            public Sharding shard() {
                return new Sharding() {
                    @Override
                    public int count() {
                        return 1;
                    }

                    @Override
                    public int index() {
                        return 0;
                    }
                };
            }

            @Override
            public Optional<Path> etagCache() {
                return Optional.empty();
            }
        };
    }
}
