package dev.ecopulse.huggingface.service;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.Collector;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.huggingface.client.HubClient;
import dev.ecopulse.huggingface.config.HuggingfaceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Observes every catalog framework that names Hub library tags: first the Hub's most downloaded models (one sample
 * for the whole run, so every framework's share is of the same models), then each framework's tagged models, one
 * framework after the other. One observation and one series per framework, keyed by framework id.
 */
@ApplicationScoped
public class HuggingfaceCollector implements Collector {

    private static final Logger LOG = Logger.getLogger(HuggingfaceCollector.class);

    private final FrameworkObserver observer;
    private final HubClient hub;
    private final HuggingfaceConfig config;

    HuggingfaceCollector(FrameworkObserver observer, HubClient hub, HuggingfaceConfig config) {
        this.observer = observer;
        this.hub = hub;
        this.config = config;
    }

    @Override
    public ObservationSource source() {
        return ObservationSource.HUGGINGFACE;
    }

    /** One target per framework with library tags: its id and its tags joined by commas, in catalog order. */
    @Override
    public List<CollectionTarget> targets(Catalog catalog) {
        List<CollectionTarget> targets = new ArrayList<>();
        for (Framework framework : catalog.frameworks()) {
            if (!framework.huggingface().isEmpty()) {
                targets.add(new CollectionTarget(framework.id(), String.join(",", framework.huggingface())));
            }
        }
        return targets;
    }

    @Override
    public String targetUnit() {
        return "frameworks";
    }

    @Override
    public void collect(RunContext run) throws InterruptedException {
        List<CollectionTarget> targets = run.targets();
        Map<String, List<String>> catalog = new LinkedHashMap<>();
        targets.forEach(t -> catalog.put(t.projectId(), tags(t)));
        try {
            List<String> problems = new ArrayList<>();
            TopModels top = TopModels.read(hub, config.topModels(), run, problems);
            problems.forEach(run::error);
            for (int i = 0; i < targets.size(); i++) {
                CollectionTarget target = targets.get(i);
                run.status("observing " + target.projectId() + " (" + (i + 1) + " of " + targets.size() + ")");
                FrameworkObserver.Outcome outcome;
                try {
                    outcome = observer.observe(target, tags(target), top, catalog, run);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Observing %s on the Hub failed", target.projectId());
                    run.failed(target, "unexpected error: " + e);
                    continue;
                }
                outcome.problems().forEach(p -> run.error(target.projectId() + ": " + p));
                if (outcome.observation() == null) {
                    run.failed(target, outcome.failure());
                    continue;
                }
                run.publish(outcome.observation());
                run.publishSeries(outcome.series());
            }
            hub.lastBucket().ifPresent(b -> LOG.infof("Run %s done; Hub API bucket: %s", run.runId(), b.describe()));
        } finally {
            run.status(null);
        }
    }

    private static List<String> tags(CollectionTarget target) {
        return Arrays.asList(target.subject().split(","));
    }
}
