package dev.ecopulse.stackexchange.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * Stubs the Stack Exchange API 2.3 as it answers: every body gzip-compressed ({@code Content-Encoding: gzip}),
 * {@code application/json; charset=utf-8}, errors as HTTP 400 with {@code error_id}, {@code error_name} and
 * {@code error_message}.
 */
public final class UpstreamStubs {

    public static final String FILTER = "!test-total-filter";

    private final WireMockServer wireMock;

    public UpstreamStubs(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    /** {@code /tags/{tags}/info} answering with the tags the site knows and their counts, and the quota left. */
    public UpstreamStubs tagInfo(String pathTags, Map<String, Long> known, int quotaRemaining) {
        String items = known.entrySet().stream().map(e -> """
                {"has_synonyms":true,"is_moderator_only":false,"is_required":false,"count":%d,"name":"%s"}"""
                .formatted(e.getValue(), e.getKey())).collect(Collectors.joining(","));
        return tagInfo(pathTags, ok("{\"items\":[" + items + "],\"has_more\":false,\"quota_max\":300,"
                + "\"quota_remaining\":" + quotaRemaining + "}"));
    }

    public UpstreamStubs tagInfo(String pathTags, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlPathEqualTo("/2.3/tags/" + pathTags + "/info"))
                .withQueryParam("site", equalTo("stackoverflow")).willReturn(answer));
        return this;
    }

    /** {@code /questions} for {@code tag}, whatever the dates: {@code total} with the custom filter's fields. */
    public UpstreamStubs questions(String tag, long total, int quotaRemaining) {
        return questions(tag, ok(totalBody(total, quotaRemaining, null)));
    }

    public UpstreamStubs questions(String tag, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(questionsOf("/2.3/questions", tag).willReturn(answer));
        return this;
    }

    /** {@code /questions/no-answers} for {@code tag}. */
    public UpstreamStubs noAnswers(String tag, long total, int quotaRemaining) {
        wireMock.stubFor(questionsOf("/2.3/questions/no-answers", tag)
                .willReturn(ok(totalBody(total, quotaRemaining, null))));
        return this;
    }

    public static MappingBuilder questionsOf(String path, String tag) {
        return get(urlPathEqualTo(path)).withQueryParam("tagged", equalTo(tag))
                .withQueryParam("site", equalTo("stackoverflow")).withQueryParam("filter", equalTo(FILTER));
    }

    /** The wrapper a filter of {@code .total;.quota_remaining;.quota_max;.backoff} leaves. */
    public static String totalBody(long total, int quotaRemaining, Integer backoff) {
        return "{" + (backoff == null ? "" : "\"backoff\":" + backoff + ",") + "\"quota_max\":300,\"quota_remaining\":"
                + quotaRemaining + ",\"total\":" + total + "}";
    }

    /** HTTP 200 with a gzip-compressed JSON body, as the API sends it. */
    public static ResponseDefinitionBuilder ok(String json) {
        return compressed(200, json);
    }

    /** An error as the API sends it: HTTP 400 whatever the error, the error named in the body. */
    public static ResponseDefinitionBuilder error(int id, String name, String message) {
        return compressed(400, "{\"error_id\":" + id + ",\"error_message\":\"" + message + "\",\"error_name\":\""
                + name + "\"}");
    }

    public static ResponseDefinitionBuilder throttleViolation() {
        return error(502, "throttle_violation", "too many requests from this IP, more requests available in 82631"
                + " seconds");
    }

    public static ResponseDefinitionBuilder compressed(int status, String json) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Content-Encoding", "gzip").withHeader("Access-Control-Allow-Origin", "*")
                .withBody(gzip(json));
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
