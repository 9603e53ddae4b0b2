package dev.ecopulse.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.contract.catalog.CatalogLoader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/** WireMock in GitHub's place: the batched GraphQL query and the contributor counts of the default catalog. */
public final class GithubStubs {

    /** The catalog the tests run on (the shipped one): every project with a repository, in catalog order. */
    public static final List<CollectionTarget> TARGETS = CatalogLoader.loadDefault().projects().stream()
            .filter(p -> p.github() != null).map(p -> new CollectionTarget(p.id(), p.github())).toList();

    private final WireMockServer wireMock;
    private final Instant now;
    /** ETags differ per test, so answers remembered by an earlier test never match. */
    private final String etagPrefix = UUID.randomUUID().toString().substring(0, 8);

    public GithubStubs(WireMockServer wireMock, Instant now) {
        this.wireMock = wireMock;
        this.now = now;
    }

    public static List<String> repositories() {
        return TARGETS.stream().map(CollectionTarget::subject).toList();
    }

    public static int indexOf(String projectId) {
        for (int i = 0; i < TARGETS.size(); i++) {
            if (TARGETS.get(i).projectId().equals(projectId)) {
                return i;
            }
        }
        throw new IllegalArgumentException(projectId);
    }

    /** The signals query answered for the whole catalog, {@code adjust} changing what it must. */
    public ObjectNode signals(BiConsumer<Integer, ObjectNode> adjust) {
        ObjectNode answer = GithubFixtures.signalsAnswer(repositories(), now, 2, adjust);
        wireMock.stubFor(signalsQuery().willReturn(graphqlOk(answer.toString())));
        return answer;
    }

    public static MappingBuilder signalsQuery() {
        return post(urlEqualTo("/graphql")).withRequestBody(containing("query Signals"));
    }

    /** Repositories per backfill query: the collector's default {@code backfill-batch-size}. */
    public static final int BACKFILL_BATCH = 25;

    /**
     * The signals query of a backfill (13 commit windows), answered per batch of {@link #BACKFILL_BATCH}
     * repositories, told apart by the batch's first repository; {@code adjust} gets the alias index in the batch.
     */
    public void backfill(BiConsumer<Integer, ObjectNode> adjust) {
        List<String> all = repositories();
        for (int first = 0; first < all.size(); first += BACKFILL_BATCH) {
            List<String> batch = all.subList(first, Math.min(all.size(), first + BACKFILL_BATCH));
            ObjectNode answer = GithubFixtures.signalsAnswer(batch, first, 13, now, 5, adjust);
            String[] name = batch.get(0).split("/");
            wireMock.stubFor(signalsQuery().atPriority(1)
                    .withRequestBody(matchingJsonPath("$.variables.d13"))
                    .withRequestBody(matchingJsonPath("$.variables.o0", equalTo(name[0])))
                    .withRequestBody(matchingJsonPath("$.variables.n0", equalTo(name[1])))
                    .willReturn(graphqlOk(answer.toString())));
        }
    }

    public ResponseDefinitionBuilder graphqlOk(String body) {
        return graphql(200, body, 4990, now.plusSeconds(3000));
    }

    /** A GraphQL answer with the given rate-limit state in its headers. */
    public ResponseDefinitionBuilder graphql(int status, String body, long remaining, Instant reset) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("x-ratelimit-limit", "5000").withHeader("x-ratelimit-remaining", Long.toString(remaining))
                .withHeader("x-ratelimit-used", Long.toString(5000 - remaining))
                .withHeader("x-ratelimit-resource", "graphql")
                .withHeader("x-ratelimit-reset", Long.toString(reset.getEpochSecond()))
                .withBody(body);
    }

    /** REST answer headers: JSON and a comfortable core budget. */
    public ResponseDefinitionBuilder restOk(String body) {
        return rest(200).withBody(body);
    }

    public ResponseDefinitionBuilder rest(int status) {
        return rest(status, 4900, now.plusSeconds(3000));
    }

    /** A REST answer with the given core rate-limit state in its headers. */
    public ResponseDefinitionBuilder rest(int status, long remaining, Instant reset) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("x-ratelimit-limit", "5000").withHeader("x-ratelimit-remaining", Long.toString(remaining))
                .withHeader("x-ratelimit-used", Long.toString(5000 - remaining))
                .withHeader("x-ratelimit-resource", "core")
                .withHeader("x-ratelimit-reset", Long.toString(reset.getEpochSecond()));
    }

    public static MappingBuilder contributorsOf(String repository) {
        return get(urlPathEqualTo("/repos/" + repository + "/contributors"))
                .withQueryParam("per_page", equalTo("1")).withQueryParam("anon", equalTo("1"));
    }

    public String etag(String repository) {
        return "W/\"" + etagPrefix + "-" + repository.replace('/', '-') + "\"";
    }

    /** Every repository's contributor count (index-derived), with an ETag and a 304 for a request that sends it. */
    public void contributors() {
        for (int i = 0; i < TARGETS.size(); i++) {
            contributors(TARGETS.get(i).subject(), GithubFixtures.contributors(i));
        }
    }

    public void contributors(String repository, long count) {
        wireMock.stubFor(contributorsOf(repository).willReturn(restOk(GithubFixtures.contributorPage())
                .withHeader("Link", GithubFixtures.contributorsLink(65600975L, count))
                .withHeader("ETag", etag(repository))));
        wireMock.stubFor(contributorsOf(repository).withHeader("If-None-Match", equalTo(etag(repository)))
                .atPriority(1).willReturn(rest(304).withHeader("ETag", etag(repository))));
    }

    public List<ServeEvent> served(String urlStart) {
        return wireMock.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(urlStart))
                .toList();
    }

    public List<ServeEvent> servedGraphql(String queryName) {
        return served("/graphql").stream().filter(e -> e.getRequest().getBodyAsString().contains("query " + queryName))
                .toList();
    }

    public List<ServeEvent> servedContributors() {
        return wireMock.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().contains("/contributors")).toList();
    }
}
