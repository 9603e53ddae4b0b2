package dev.ecopulse.collector.run;

import dev.ecopulse.collector.config.CollectConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Which subjects this service has backfilled. Kept in a file when {@code ecopulse.collect.backfill-ledger} names one,
 * so a restart does not spend the upstream budget on the past again; without a file, a restart backfills once more,
 * which is harmless (the same flows store nothing new) but costs requests.
 */
@ApplicationScoped
public class BackfillLedger {

    private static final Logger LOG = Logger.getLogger(BackfillLedger.class);

    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final Optional<Path> file;

    BackfillLedger(CollectConfig config) {
        this.file = config.backfillLedger();
        file.filter(Files::exists).ifPresent(f -> {
            try {
                Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(done::add);
            } catch (IOException e) {
                LOG.warnf("Cannot read the backfill ledger %s (%s); subjects will be backfilled again", f, e);
            }
        });
    }

    public boolean needs(CollectionTarget target) {
        return !done.contains(key(target));
    }

    public void record(CollectionTarget target) {
        String key = key(target);
        if (done.add(key) && file.isPresent()) {
            try {
                Files.createDirectories(file.get().toAbsolutePath().getParent());
                Files.writeString(file.get(), key + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the backfill ledger " + file.get(), e);
            }
        }
    }

    public int size() {
        return done.size();
    }

    private static String key(CollectionTarget target) {
        return target.projectId() + " " + target.subject();
    }
}
