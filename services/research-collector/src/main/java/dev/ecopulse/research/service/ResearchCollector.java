package dev.ecopulse.research.service;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.Collector;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.time.TimeSource;
import dev.ecopulse.research.client.OpenAlexClient;
import dev.ecopulse.research.client.WorksCount;
import dev.ecopulse.research.config.ResearchConfig;
import dev.ecopulse.research.service.CountPlan.Count;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Counts, for every catalog framework with a research search, the OpenAlex works mentioning it: last year and the year
 * before (the observation) and 30-day windows (the series). Each search costs money from a daily budget, so the run
 * asks for the most valuable counts first and names every count the budget, a daily limit or a rejected search left
 * out.
 */
@ApplicationScoped
public class ResearchCollector implements Collector {

    private static final Logger LOG = Logger.getLogger(ResearchCollector.class);

    private final OpenAlexClient openAlex;
    private final DailyBudget budget;
    private final ResearchConfig config;
    private final TimeSource time;

    ResearchCollector(OpenAlexClient openAlex, DailyBudget budget, ResearchConfig config, TimeSource time) {
        this.openAlex = openAlex;
        this.budget = budget;
        this.config = config;
        this.time = time;
    }

    void onStart(@Observes StartupEvent start, Catalog catalog) {
        int frameworks = targets(catalog).size();
        String perRun = "a run over the catalog's " + frameworks + " frameworks asks up to " + frameworks
                * (2 + CountPlan.RECENT_WINDOWS) + " searches, a backfill up to " + frameworks
                * (2 + CountPlan.BACKFILL_WINDOWS);
        if (openAlex.keyed()) {
            LOG.infof("OpenAlex API key set: daily budget %s; %s", budget.describe(), perRun);
        } else {
            LOG.warnf("%s; %s. Set ECOPULSE_OPENALEX_API_KEY (free at openalex.org/settings/api) for $1 a day",
                    noKey(), perRun);
        }
    }

    @Override
    public ObservationSource source() {
        return ObservationSource.RESEARCH;
    }

    /** One target per framework with a research search, keyed by the framework's id, in catalog order. */
    @Override
    public List<CollectionTarget> targets(Catalog catalog) {
        List<CollectionTarget> targets = new ArrayList<>();
        for (Framework framework : catalog.frameworks()) {
            if (framework.research() != null && !framework.research().isBlank()) {
                targets.add(new CollectionTarget(framework.id(), framework.research().strip()));
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
        LocalDate through = LocalDate.ofInstant(time.now(), ZoneOffset.UTC).minusDays(config.lag().toDays());
        Map<CollectionTarget, FrameworkCounts> counts = new LinkedHashMap<>();
        run.targets().forEach(t -> counts.put(t, new FrameworkCounts(t, through)));
        List<Count> plan = CountPlan.of(run.targets(), through, run::backfill);
        if (!openAlex.keyed()) {
            LOG.warnf("Run %s: %s", run.runId(), noKey());
            run.error(noKey());
        }
        LOG.infof("Run %s: %d counts wanted for %d frameworks through %s; %s left today (about %,d searches)",
                run.runId(), plan.size(), counts.size(), through, DailyBudget.dollars(budget.left()),
                budget.searchesLeft());
        Map<CollectionTarget, String> rejected = new LinkedHashMap<>();
        String stoppedBy = null;
        int cutByBudget = 0;
        int asked = 0;
        try {
            for (Count count : plan) {
                FrameworkCounts framework = counts.get(count.target());
                var reused = openAlex.reused(count.target().subject(), count.from(), count.through());
                if (reused.isPresent()) {
                    framework.counted(count, reused.get());
                } else if (rejected.containsKey(count.target())) {
                    framework.missing(count, "not asked: " + rejected.get(count.target()));
                } else if (stoppedBy != null) {
                    framework.missing(count, "not asked: " + stoppedBy + " earlier in this run");
                } else if (budget.searchesLeft() < 1) {
                    cutByBudget++;
                    framework.missing(count, "not asked: the daily OpenAlex budget (" + budget.describe()
                            + (openAlex.keyed() ? "" : ", no API key") + ") is spent until midnight UTC");
                } else {
                    run.status("counting " + count.target().projectId() + " " + label(count) + " (" + (++asked)
                            + ")");
                    WorksCount answer = openAlex.count(count.target().subject(), count.from(), count.through(), run);
                    budget.spend(answer.attempts(), answer.allowance());
                    switch (answer.outcome()) {
                        case COUNTED -> framework.counted(count, answer.count());
                        case FAILED -> {
                            framework.missing(count, answer.reason());
                            run.error(count.target().projectId() + " " + label(count) + ": " + answer.reason());
                        }
                        case REJECTED -> {
                            framework.missing(count, answer.reason());
                            rejected.put(count.target(), answer.reason());
                            run.error(count.target().projectId() + ": " + answer.reason() + "; its search is not"
                                    + " asked again this run (ecopulse catalog: research)");
                        }
                        case THROTTLED -> {
                            // 403s that outlast the backoff would cost every later count the same waits
                            framework.missing(count, answer.reason());
                            stoppedBy = answer.reason();
                            LOG.warnf("Run %s: %s; the run's remaining requests are not sent", run.runId(),
                                    answer.reason());
                        }
                        case DAILY_LIMIT -> {
                            framework.missing(count, answer.reason());
                            budget.exhausted();
                            stoppedBy = answer.reason();
                            LOG.warnf("Run %s: %s; the run's remaining requests are not sent", run.runId(),
                                    answer.reason());
                        }
                    }
                }
            }
        } finally {
            run.status(null);
        }
        if (stoppedBy != null) {
            run.error(stoppedBy + "; no further request was sent this run: missing " + missingNames(counts));
        } else if (cutByBudget > 0) {
            String message = "the daily OpenAlex budget (" + budget.describe() + ") left " + cutByBudget + " of "
                    + plan.size() + " counts unasked: missing " + missingNames(counts);
            LOG.warnf("Run %s: %s", run.runId(), message);
            run.error(message);
        }
        for (Map.Entry<CollectionTarget, FrameworkCounts> entry : counts.entrySet()) {
            var observedAt = time.now();
            run.publish(entry.getValue().observation(run.runId(), observedAt));
            SeriesObservation series = entry.getValue().series(run.runId(), observedAt, run.backfill(entry.getKey()));
            if (series != null) {
                run.publishSeries(series);
            }
        }
    }

    private String noKey() {
        return "no API key: about " + String.format("%,d", budget.searchesPerDay()) + " searches a day (budget "
                + DailyBudget.dollars(budget.perDay()) + " a day; OpenAlex documents "
                + DailyBudget.dollars(DailyBudget.WITHOUT_KEY) + " a day without a key)";
    }

    private static String label(Count count) {
        return switch (count.kind()) {
            case LAST_YEAR -> "last year";
            case PREVIOUS_YEAR -> "previous year";
            case WINDOW -> "window " + count.from() + ".." + count.through();
        };
    }

    private static String missingNames(Map<CollectionTarget, FrameworkCounts> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((target, c) -> {
            List<String> names = c.missingNames();
            if (!names.isEmpty()) {
                parts.add(target.projectId() + " " + String.join(", ", names));
            }
        });
        return String.join("; ", parts);
    }
}
