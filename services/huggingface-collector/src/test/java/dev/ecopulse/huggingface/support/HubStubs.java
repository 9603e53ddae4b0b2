package dev.ecopulse.huggingface.support;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Stubs the Hub's {@code GET /api/models} in its real format: a JSON array, the next page in a {@code Link} header
 * with an opaque cursor, and the bucket in {@code RateLimit} and {@code RateLimit-Policy}.
 */
public final class HubStubs {

    public static final String POLICY = "\"fixed window\";\"api\";q=500;w=300";
    public static final int PAGE_SIZE = 3;

    private final WireMockServer wireMock;

    public HubStubs(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    /** A model as {@code expand[]=createdAt} lists it. */
    public record Created(String id, Instant createdAt) {
    }

    /** A model as the most-downloaded list expands it. */
    public record Popular(String id, long downloads, long likes, String libraryName, List<String> tags) {
    }

    /**
     * The pages of {@code tag}, {@link #PAGE_SIZE} models each, newest first as given, linked by cursors
     * {@code <tag>-2}, {@code <tag>-3}...
     */
    public HubStubs tagged(String tag, List<Created> models) {
        List<List<Created>> pages = chunks(models);
        for (int i = 0; i < pages.size(); i++) {
            String next = i + 1 < pages.size() ? taggedQuery(tag) + "&cursor=" + tag + "-" + (i + 2) : null;
            wireMock.stubFor(taggedPage(tag, i == 0 ? null : tag + "-" + (i + 1))
                    .willReturn(page(createdJson(pages.get(i)), next, 500 - i - 1)));
        }
        if (pages.isEmpty()) {
            wireMock.stubFor(taggedPage(tag, null).willReturn(page("[]", null, 499)));
        }
        return this;
    }

    /** The most downloaded models, {@code size} per page. */
    public HubStubs mostDownloaded(int size, List<Popular> models) {
        List<List<Popular>> pages = chunks(models, size);
        for (int i = 0; i < pages.size(); i++) {
            String next = i + 1 < pages.size() ? topQuery(size) + "&cursor=top-" + (i + 2) : null;
            wireMock.stubFor(topPage(i == 0 ? null : "top-" + (i + 1))
                    .willReturn(page(popularJson(pages.get(i)), next, 450)));
        }
        return this;
    }

    public static MappingBuilder taggedPage(String tag, String cursor) {
        return get(urlPathEqualTo("/api/models")).withQueryParam("filter", equalTo(tag))
                .withQueryParam("sort", equalTo("createdAt")).withQueryParam("direction", equalTo("-1"))
                .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor));
    }

    public static MappingBuilder topPage(String cursor) {
        return get(urlPathEqualTo("/api/models")).withQueryParam("sort", equalTo("downloads"))
                .withQueryParam("direction", equalTo("-1"))
                .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor));
    }

    /** A 200 with the Hub's headers; {@code nextQuery} (path and query) becomes the {@code Link} to the next page. */
    public ResponseDefinitionBuilder page(String body, String nextQuery, int remaining) {
        return page(body, nextQuery, remaining, 240);
    }

    /** The same, {@code reset} seconds before the window resets. */
    public ResponseDefinitionBuilder page(String body, String nextQuery, int remaining, long reset) {
        ResponseDefinitionBuilder answer = aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("RateLimit", "\"api\";r=" + remaining + ";t=" + reset)
                .withHeader("RateLimit-Policy", POLICY)
                .withHeader("Vary", "Origin")
                .withHeader("X-Powered-By", "huggingface-moon")
                .withBody(body);
        if (nextQuery != null) {
            answer.withHeader("Link", "<" + wireMock.baseUrl() + nextQuery + ">; rel=\"next\"");
        }
        return answer;
    }

    /** A 429 with the bucket's headers, {@code t} seconds before the window resets (the body is not read). */
    public static ResponseDefinitionBuilder tooManyRequests(long t) {
        return aResponse().withStatus(429).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("RateLimit", "\"api\";r=0;t=" + t)
                .withHeader("RateLimit-Policy", POLICY)
                .withBody("{\"error\":\"Too Many Requests\"}");
    }

    public static String taggedQuery(String tag) {
        return "/api/models?filter=" + tag + "&sort=createdAt&direction=-1&limit=" + PAGE_SIZE
                + "&expand%5B%5D=createdAt";
    }

    public static String topQuery(int size) {
        return "/api/models?sort=downloads&direction=-1&limit=" + size
                + "&expand%5B%5D=downloads&expand%5B%5D=likes&expand%5B%5D=tags&expand%5B%5D=library_name";
    }

    public static String createdJson(List<Created> models) {
        return models.stream().map(m -> "{\"_id\":\"%s\",\"id\":\"%s\",\"createdAt\":\"%s\"}".formatted(
                objectId(m.id()), m.id(), m.createdAt())).collect(Collectors.joining(",", "[", "]"));
    }

    public static String popularJson(List<Popular> models) {
        return models.stream().map(m -> ("{\"_id\":\"%s\",\"id\":\"%s\",\"likes\":%d,\"downloads\":%d,"
                + "\"library_name\":%s,\"tags\":[%s]}").formatted(objectId(m.id()), m.id(), m.likes(), m.downloads(),
                m.libraryName() == null ? "null" : "\"" + m.libraryName() + "\"",
                m.tags().stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(","))))
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** A 24-hex-digit Mongo id, as the Hub's {@code _id}. */
    private static String objectId(String id) {
        return "%024x".formatted(Math.abs((long) id.hashCode()) * 7919L);
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        return chunks(all, PAGE_SIZE);
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> pages = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            pages.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return pages;
    }
}
