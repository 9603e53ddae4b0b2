package dev.ecopulse.github;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ecopulse.collector.client.UpstreamMetrics;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.github.config.GithubConfig;
import dev.ecopulse.github.service.GraphqlQueries;
import dev.ecopulse.collector.run.BackfillLedger;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What collecting the shipped catalog costs at GitHub, counted at the stub server: every request of a full run with a
 * token (batched GraphQL queries and one REST contributor count per repository), then of a second run over unchanged
 * data (conditional REST requests answered 304). Asserts the budget (one query per batch, one REST request per
 * repository, the collector's own request counter agreeing with the stub) and prints the figures
 * docs/performance.md quotes (deploy/bench/github-cost.sh runs this test alone). A stub cannot report GitHub's real
 * points, so the GraphQL cost is also worked out with GitHub's formula from the queries as sent.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG, value = "ecopulse.github.api-url"))
class GithubCostIT {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    VirtualTime time;

    @Inject
    BackfillLedger ledger;

    @Inject
    GithubConfig config;

    GithubStubs github;

    @BeforeEach
    void stubGithub() {
        wireMock.resetAll();
        TestTime.resetToNow(time);
        Runs.backfilled(ledger);
        github = new GithubStubs(wireMock, Instant.now());
        github.signals((i, answer) -> { });
        github.contributors();
    }

    @Test
    void aFullRunCostsOneQueryPerBatchAndOneRestRequestPerRepositoryAndAnUnchangedRunOnly304s() {
        int n = GithubStubs.TARGETS.size();
        int batches = (n + config.batchSize() - 1) / config.batchSize();

        Map<String, Double> before = upstreamRequests();
        JsonPath first = Runs.finished(Runs.start());
        Map<String, Long> firstAtStub = byKind(wireMock.getAllServeEvents());
        Map<String, Double> firstCounted = delta(before, upstreamRequests());

        assertThat(first.getString("state")).isEqualTo("SUCCEEDED");
        assertBudget(firstAtStub, firstCounted, 200, batches, n);

        wireMock.resetRequests();
        before = upstreamRequests();
        JsonPath second = Runs.finished(Runs.start());
        Map<String, Long> secondAtStub = byKind(wireMock.getAllServeEvents());
        Map<String, Double> secondCounted = delta(before, upstreamRequests());

        assertThat(second.getString("state")).isEqualTo("SUCCEEDED");
        assertBudget(secondAtStub, secondCounted, 304, batches, n);

        System.out.printf("GitHub cost, %d repositories, batch size %d:%n", n, config.batchSize());
        report("first run (full collection)", n, firstAtStub, first.getLong("cost"));
        report("second run (unchanged data)", n, secondAtStub, second.getLong("cost"));
    }

    @Test
    void aBackfillReadsTheYearInQueriesOfTwentyFiveAtAboutTenPointsPerFiftyRepositories() {
        int n = GithubStubs.TARGETS.size();
        github.backfill((i, answer) -> { });

        JsonPath normal = Runs.finished(Runs.start());
        List<ServeEvent> normalQueries = github.servedGraphql("Signals");
        wireMock.resetRequests();
        JsonPath backfill = Runs.finished(Runs.startBackfill());
        List<ServeEvent> backfillQueries = github.servedGraphql("Signals");

        assertThat(normal.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(backfill.getString("state")).isEqualTo("SUCCEEDED");
        int backfillBatches = (n + config.backfillBatchSize() - 1) / config.backfillBatchSize();
        assertThat(normalQueries).hasSize(1);
        assertThat(backfillQueries).hasSize(backfillBatches);
        // the collector's own estimate (used to wait for the budget) is GitHub's formula applied to what it sent
        for (ServeEvent query : concat(normalQueries, backfillQueries)) {
            String text = query.getRequest().getBodyAsString();
            assertThat(GraphqlQueries.estimatedPoints(count(text, ": repository\\("), count(text, "history\\(")))
                    .isEqualTo(formulaPoints(text));
        }
        long normalPoints = normalQueries.stream().mapToLong(q -> formulaPoints(q.getRequest().getBodyAsString()))
                .sum();
        long backfillPoints = backfillQueries.stream()
                .mapToLong(q -> formulaPoints(q.getRequest().getBodyAsString())).sum();
        // 50 repositories × (6 + 6) windows = 600 requests
        assertThat(normalPoints).isEqualTo((n * 12 + 99) / 100);
        // each batch of up to 25 × (6 + 13) = 475 requests costs 5 points
        long expectedBackfill = 0;
        for (int first = 0; first < n; first += config.backfillBatchSize()) {
            int size = Math.min(config.backfillBatchSize(), n - first);
            expectedBackfill += (size * 19L + 99) / 100;
        }
        assertThat(backfillPoints).isEqualTo(expectedBackfill);
        // the stub's rateLimit.cost of each backfill answer; the contributor counts, asked again, are free 304s
        assertThat(backfill.getLong("cost")).isEqualTo(5L * backfillBatches);

        System.out.printf("GitHub GraphQL points, %d repositories (GitHub's formula on the queries sent):%n", n);
        System.out.printf("  every run: %d query, %d points (%.1f per 50 repositories)%n", normalQueries.size(),
                normalPoints, normalPoints * 50.0 / n);
        System.out.printf("  backfill run: %d queries of up to %d repositories, %d points (%.1f per 50"
                + " repositories); REST requests unchanged (%d)%n", backfillQueries.size(),
                config.backfillBatchSize(), backfillPoints, backfillPoints * 50.0 / n, n);
        System.out.printf("  per 50 repositories by the formula: every run %d, backfill %d (2 × %d)%n",
                GraphqlQueries.estimatedPoints(50, 6), 2 * GraphqlQueries.estimatedPoints(25, 13),
                GraphqlQueries.estimatedPoints(25, 13));
    }

    /**
     * GitHub's formula: one request per connection (each repository's connections, each search), 100 requests per
     * point, rounded, at least 1. A repository's connections are counted in the fragment as sent.
     */
    static long formulaPoints(String body) {
        String text = body.replace("\\n", "\n");
        String fragment = text.substring(text.indexOf("fragment signals"));
        int perRepository = count(fragment, "watchers \\{") + count(fragment, "issues\\(")
                + count(fragment, "pullRequests\\(") + count(fragment, "repositoryTopics\\(")
                + count(fragment, "releases\\(") + count(fragment, "history\\(");
        long requests = (long) count(text, ": repository\\(") * perRepository + count(text, ": search\\(");
        return Math.max(1, Math.round(requests / 100.0));
    }

    static int count(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }

    static List<ServeEvent> concat(List<ServeEvent> a, List<ServeEvent> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /**
     * One Signals query per batch and one contributor request per repository, plus one for each request the
     * collector gave up waiting for and retried (it counts those as {@code none}: a slow machine can cause them);
     * the collector's own count agrees with the stub's.
     */
    static void assertBudget(Map<String, Long> atStub, Map<String, Double> counted, int contributorStatus,
            int batches, int repositories) {
        long graphqlRetries = Math.round(counted.getOrDefault("graphql " + UpstreamMetrics.NO_ANSWER, 0.0));
        long restRetries = Math.round(counted.getOrDefault("contributors " + UpstreamMetrics.NO_ANSWER, 0.0));
        assertThat(atStub).containsExactlyInAnyOrderEntriesOf(Map.of("graphql Signals 200", batches + graphqlRetries,
                "contributors " + contributorStatus, repositories + restRetries));
        assertThat(counted.values().stream().mapToDouble(Double::doubleValue).sum())
                .isEqualTo(atStub.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Requests served, by endpoint kind and status, e.g. {@code contributors 304}. */
    static Map<String, Long> byKind(List<ServeEvent> served) {
        return served.stream().collect(Collectors.groupingBy(e -> kind(e) + " " + e.getResponse().getStatus(),
                TreeMap::new, Collectors.counting()));
    }

    static String kind(ServeEvent e) {
        String url = e.getRequest().getUrl();
        if (url.startsWith("/graphql")) {
            Matcher query = Pattern.compile("query (\\w+)").matcher(e.getRequest().getBodyAsString());
            return query.find() ? "graphql " + query.group(1) : "graphql";
        }
        return url.contains("/contributors") ? "contributors" : url;
    }

    /** The collector's own count (ecopulse_collector_upstream_requests_total, source github) by endpoint, status. */
    static Map<String, Double> upstreamRequests() {
        Map<String, Double> counts = new TreeMap<>();
        Arrays.stream(given().get("/q/metrics").asString().split("\n"))
                .filter(l -> l.startsWith("ecopulse_collector_upstream_requests_total{")
                        && l.contains("source=\"github\""))
                .forEach(l -> counts.merge(label(l, "endpoint") + " " + label(l, "status"),
                        Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)), Double::sum));
        return counts;
    }

    static String label(String line, String name) {
        int start = line.indexOf(name + "=\"") + name.length() + 2;
        return line.substring(start, line.indexOf('"', start));
    }

    static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> delta = new TreeMap<>();
        after.forEach((k, v) -> {
            double d = v - before.getOrDefault(k, 0.0);
            if (d != 0) {
                delta.put(k, d);
            }
        });
        return delta;
    }

    static void report(String run, int repositories, Map<String, Long> served, long cost) {
        long total = served.values().stream().mapToLong(Long::longValue).sum();
        long core = served.entrySet().stream().filter(e -> e.getKey().startsWith("contributors 2"))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("  %s: %d requests %s = %.3f per repository; REST core quota used %d (%.3f per"
                + " repository); cost the run accounted %d (GraphQL points as the stub's rateLimit.cost reports them"
                + " + REST requests that count)%n", run, total, served, (double) total / repositories, core,
                (double) core / repositories, cost);
    }
}
