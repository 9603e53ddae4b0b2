package dev.ecopulse.npm.service;

import dev.ecopulse.collector.client.http.Lookup;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.Collector;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.npm.client.PackageNames;
import dev.ecopulse.npm.client.downloads.DownloadHistory;
import dev.ecopulse.npm.client.downloads.DownloadsClient;
import dev.ecopulse.npm.config.NpmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Observes every npm package of the catalog: first the downloads of the unscoped ones in bulk queries (up to 128
 * names each), then package after package its registry document (and, for a scoped name, its own downloads query),
 * publishing one observation and one series per package.
 */
@ApplicationScoped
public class NpmCollector implements Collector {

    private static final Logger LOG = Logger.getLogger(NpmCollector.class);

    private final PackageObserver observer;
    private final DownloadsClient downloads;
    private final NpmConfig config;

    NpmCollector(PackageObserver observer, DownloadsClient downloads, NpmConfig config) {
        this.observer = observer;
        this.downloads = downloads;
        this.config = config;
    }

    @Override
    public ObservationSource source() {
        return ObservationSource.NPM;
    }

    /** One target per npm package of each project, in catalog order. */
    @Override
    public List<CollectionTarget> targets(Catalog catalog) {
        Set<CollectionTarget> targets = new LinkedHashSet<>();
        for (Project project : catalog.projects()) {
            for (String name : project.npm()) {
                targets.add(new CollectionTarget(project.id(), name));
            }
        }
        return new ArrayList<>(targets);
    }

    @Override
    public String targetUnit() {
        return "packages";
    }

    @Override
    public void collect(RunContext run) throws InterruptedException {
        List<CollectionTarget> targets = run.targets();
        DownloadGate gate = new DownloadGate(config.skipDownloadsAfterThrottled(), run);
        try {
            Map<String, Lookup<DownloadHistory>> bulk = bulkDownloads(targets, gate, run);
            for (int i = 0; i < targets.size(); i++) {
                CollectionTarget target = targets.get(i);
                String name = target.subject();
                run.status("observing " + name + " (" + (i + 1) + " of " + targets.size() + ")");
                PackageObserver.DownloadSource source = PackageNames.scoped(name) ? () -> single(name, gate, run)
                        : () -> bulk.getOrDefault(name, new Lookup.Failed<>("not asked: no bulk query held the name",
                                false));
                PackageObserver.Outcome outcome;
                try {
                    outcome = observer.observe(target, run, source);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Observing %s of %s failed", name, target.projectId());
                    run.failed(target, "unexpected error: " + e);
                    continue;
                }
                outcome.problems().forEach(run::error);
                if (outcome.observation() == null) {
                    run.failed(target, outcome.failure());
                    continue;
                }
                run.publish(outcome.observation());
                if (outcome.series() != null) {
                    run.publishSeries(outcome.series());
                }
            }
        } finally {
            run.status(null);
        }
    }

    /** The unscoped names' downloads, {@code bulk-size} names per query; scoped names are never sent in bulk. */
    private Map<String, Lookup<DownloadHistory>> bulkDownloads(List<CollectionTarget> targets, DownloadGate gate,
            RunContext run) throws InterruptedException {
        List<String> names = targets.stream().map(CollectionTarget::subject).filter(n -> !PackageNames.scoped(n))
                .distinct().toList();
        int size = Math.max(1, Math.min(config.bulkSize(), DownloadsClient.MAX_BULK));
        int batches = (names.size() + size - 1) / size;
        Map<String, Lookup<DownloadHistory>> lookups = new HashMap<>();
        for (int b = 0; b < batches; b++) {
            List<String> batch = names.subList(b * size, Math.min(names.size(), (b + 1) * size));
            if (gate.closed()) {
                batch.forEach(n -> lookups.put(n, DownloadGate.skipped()));
                continue;
            }
            run.status("reading downloads of " + batch.size() + " unscoped packages (query " + (b + 1) + " of "
                    + batches + ")");
            Map<String, Lookup<DownloadHistory>> answers = downloads.bulk(batch, run);
            gate.record(answers.values());
            lookups.putAll(answers);
        }
        return lookups;
    }

    private Lookup<DownloadHistory> single(String name, DownloadGate gate, RunContext run)
            throws InterruptedException {
        if (gate.closed()) {
            return DownloadGate.skipped();
        }
        Lookup<DownloadHistory> answer = downloads.range(name, run);
        gate.record(List.of(answer));
        return answer;
    }
}
