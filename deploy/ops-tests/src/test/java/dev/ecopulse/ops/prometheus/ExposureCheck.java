package dev.ecopulse.ops.prometheus;

import dev.ecopulse.ops.promql.PromQl;
import dev.ecopulse.ops.promql.Query;
import dev.ecopulse.ops.promql.Selector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks queries against what the services really expose: every metric a query reads must be exposed (by the service
 * its {@code service="..."} matcher names, else by any), and every label it matches on must be on that metric. A
 * query that fails this shows "No data" in Grafana or is an alert that can never fire.
 */
public final class ExposureCheck {

    /** Series Prometheus makes itself for each target or rule; no service exposes them. */
    public static final Set<String> PROMETHEUS_SERIES = Set.of("up", "scrape_duration_seconds",
            "scrape_samples_scraped", "scrape_samples_post_metric_relabeling", "scrape_series_added", "ALERTS",
            "ALERTS_FOR_STATE");

    /** Labels Prometheus adds to every scraped series. */
    static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    private ExposureCheck() {
    }

    /** One line per problem; empty when every query reads only what is exposed. */
    public static List<String> problems(Collection<Query> queries, Collection<Exposition> expositions) {
        List<String> problems = new ArrayList<>();
        for (Query query : queries) {
            List<Selector> selectors;
            try {
                selectors = PromQl.selectors(query.expr());
            } catch (IllegalArgumentException e) {
                problems.add(query.where() + ": " + e.getMessage());
                continue;
            }
            for (Selector selector : selectors) {
                check(query, selector, expositions).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static Optional<String> check(Query query, Selector selector, Collection<Exposition> expositions) {
        if (PROMETHEUS_SERIES.contains(selector.metric())) {
            return Optional.empty();
        }
        Optional<String> service = selector.literal("service");
        List<Exposition> candidates = expositions.stream()
                .filter(e -> service.map(e.service()::equals).orElse(true)).toList();
        List<Exposition> exposing = candidates.stream().filter(e -> e.has(selector.metric())).toList();
        String by = service.map(s -> "service '" + s + "'").orElse("any service");
        if (exposing.isEmpty()) {
            return Optional.of(query.where() + ": metric " + selector.metric() + " is not exposed by " + by
                    + similar(selector.metric(), candidates) + "\n    in: " + query.expr());
        }
        for (Selector.Matcher matcher : selector.matchers()) {
            if (!TARGET_LABELS.contains(matcher.label())
                    && exposing.stream().noneMatch(e -> e.labels(selector.metric()).contains(matcher.label()))) {
                return Optional.of(query.where() + ": metric " + selector.metric() + " has no label '"
                        + matcher.label() + "' (it has " + exposing.get(0).labels(selector.metric()) + ")"
                        + "\n    in: " + query.expr());
            }
        }
        return Optional.empty();
    }

    /** Exposed names sharing the first three words of the missing one, as a hint at a rename. */
    private static String similar(String metric, List<Exposition> candidates) {
        String[] words = metric.split("_");
        String prefix = String.join("_", List.of(words).subList(0, Math.min(3, words.length)));
        Set<String> near = candidates.stream().flatMap(e -> e.labelsByName().keySet().stream())
                .filter(n -> n.startsWith(prefix)).collect(Collectors.toCollection(java.util.TreeSet::new));
        return near.isEmpty() ? "" : " (exposed with that prefix: " + near + ")";
    }
}
